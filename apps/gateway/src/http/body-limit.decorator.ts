import { RouteConfig } from '@nestjs/platform-fastify';
import { RouteOptions } from 'fastify';

/**
 * A route whose body may be larger than MAX_BODY_BYTES (a logo's base64):
 * declared on the route itself, and applied by the edge when Fastify
 * registers it, so that no other route takes more than the deployment allows.
 */
export const BodyLimit = (bytes: number): MethodDecorator => RouteConfig({ bodyLimit: bytes });

/** The limit a route declared with BodyLimit, if any. */
export function declaredBodyLimit(route: RouteOptions): number | undefined {
  const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
  return typeof limit === 'number' ? limit : undefined;
}
