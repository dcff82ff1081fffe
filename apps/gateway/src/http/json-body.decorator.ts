import { DomainError, ErrorCode } from '@app/contracts';
import { Body, PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

class ZodBodyPipe implements PipeTransform {
  constructor(private readonly schema: z.ZodType) {}

  transform(value: unknown): unknown {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = issues[0];
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid ${first.path || 'body'}: ${first.message}.`, { issues });
  }
}

/** The JSON body, parsed by a zod schema that also documents it in the OpenAPI output. */
export function JsonBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodBodyPipe(schema))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) documentBody(schema)(target, key, descriptor);
  };
}

/** Documents a body that something else parses (a Passport strategy, a step that reads it itself). */
export function documentBody(schema: z.ZodType): MethodDecorator {
  return ApiBody({ schema: z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as object });
}
