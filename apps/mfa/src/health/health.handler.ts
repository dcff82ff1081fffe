import { MfaPatterns, serviceHealthHandler } from '@app/common';
import { MFA_CONFIG } from '../config';

export const HealthHandler = serviceHealthHandler('mfa', MfaPatterns.health, MFA_CONFIG);
