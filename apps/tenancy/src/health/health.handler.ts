import { TenancyPatterns } from '@app/contracts';
import { serviceHealthHandler } from '@app/platform/service';
import { TENANCY_CONFIG } from '../config';

export const HealthHandler = serviceHealthHandler('tenancy', TenancyPatterns.health, TENANCY_CONFIG);
