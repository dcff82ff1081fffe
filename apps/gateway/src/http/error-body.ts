import { ErrorCode } from '@app/contracts';
import { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { responseJsonSchema } from './answers.decorator';
import { statusOfError } from './error-status';

/** Every refusal's body (HttpErrorFilter writes it): the code is the contract, the message is for people. */
export function errorBodyOf(codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return z.object({
    error: z.enum(codes),
    message: z.string().meta({ description: 'In French or English after Accept-Language' }),
    attemptsLeft: z.number().int().optional().meta({ description: 'Codes or PINs left before the lock (invalid_code, invalid_pin)' }),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional().meta({ description: 'What validation_failed found' }),
    reason: z.string().optional().meta({ description: 'Why weak_password refused it' }),
    needs: z
      .enum(['second_factor'])
      .optional()
      .meta({ description: 'What reauthentication_required asks for when the password will not do: a code, a recovery code or a passkey' }),
  });
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Gives each documented refusal its body: the codes of its status that its
 * description names, or every code of that status when it names none.
 */
export function documentErrorBodies(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(path[method]?.responses ?? {})) {
        if (!response || Number(status) < 400 || '$ref' in response || response.content) continue;
        const ofStatus = (Object.keys(statusOfError) as ErrorCode[]).filter((code) => statusOfError[code] === Number(status));
        const named = ofStatus.filter((code) => new RegExp(`\\b${code}\\b`).test(response.description));
        const codes = named.length > 0 ? named : ofStatus;
        if (codes.length === 0) continue;
        response.content = { 'application/json': { schema: responseJsonSchema(errorBodyOf(codes as [ErrorCode, ...ErrorCode[]])) } };
      }
    }
  }
}
