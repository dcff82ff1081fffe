import { IdentityPatterns } from '@app/contracts';
import { serviceHealthHandler } from '@app/platform/service';
import { IDENTITY_CONFIG } from '../config';

export const HealthHandler = serviceHealthHandler('identity', IdentityPatterns.health, IDENTITY_CONFIG);
