import { MfaPatterns } from '@app/contracts';
import { serviceHealthHandler } from '@app/platform/service';
import { MFA_CONFIG } from '../config';

export const HealthHandler = serviceHealthHandler('mfa', MfaPatterns.health, MFA_CONFIG);
