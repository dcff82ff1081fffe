import { applyDecorators } from '@nestjs/common';
import { FASTIFY_ROUTE_SCHEMA_METADATA } from '@nestjs/platform-fastify/constants';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** A response's zod schema as JSON Schema, for the OpenAPI document and Fastify's serializer alike. */
export function responseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * A route's answer with a body, declared once: the OpenAPI document shows the
 * schema, and Fastify serializes the reply through it, so nothing the schema
 * does not name leaves the gateway.
 */
export function Answers(status: number, schema: z.ZodType, description: string): MethodDecorator {
  const json = responseJsonSchema(schema);
  const serializer: MethodDecorator = (_target, _key, descriptor) => {
    const routeSchema = (Reflect.getMetadata(FASTIFY_ROUTE_SCHEMA_METADATA, descriptor.value as object) ?? {}) as { response?: object };
    const merged = { ...routeSchema, response: { ...routeSchema.response, [status]: json } };
    Reflect.defineMetadata(FASTIFY_ROUTE_SCHEMA_METADATA, merged, descriptor.value as object);
  };
  return applyDecorators(ApiResponse({ status, description, schema: json }), serializer);
}

/** A moment, as ISO 8601 in UTC. */
export const Instant = z.string().meta({ format: 'date-time' });
