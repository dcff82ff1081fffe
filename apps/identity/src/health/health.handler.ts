import { IdentityPatterns, serviceHealthHandler } from '@app/common';
import { IDENTITY_CONFIG } from '../config';

export const HealthHandler = serviceHealthHandler('identity', IdentityPatterns.health, IDENTITY_CONFIG);
