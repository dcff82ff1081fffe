import { TenancyPatterns, serviceHealthHandler } from '@app/common';
import { TENANCY_CONFIG } from '../config';

export const HealthHandler = serviceHealthHandler('tenancy', TenancyPatterns.health, TENANCY_CONFIG);
