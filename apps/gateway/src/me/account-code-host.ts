import { DomainError, ErrorCode } from '@app/contracts';
import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { FastifyRequest } from 'fastify';

/** The 403 of a route that changes the account's code, for the OpenAPI. */
export const CODE_CHANGES_ON_EASY_ACCESS =
  "forbidden (`where: easy_access`) on a company's host: the account's code, one for all the user's firms, changes on the easy access host";

/**
 * The app's code is one for all the user's firms, and a firm serves its own
 * host: it reads the sessions there (proved with her code typed there, or her
 * passkey of that host) and the password typed there. With one, it asked new
 * recovery codes, or turned the code off (then set up its own), and passed
 * her second step at every other firm. Once she has the code, new recovery
 * codes and turning it off are for the easy access host alone, as forgetting
 * a device is, where she proves it with the code; a firm's own passkeys stay
 * managed on its host. Setting the code up is not confined: a client whose
 * only factor is a passkey of a firm's host can prove nothing elsewhere.
 * @throws DomainError forbidden on a company's host
 */
function assertCodeChangesHere(request: FastifyRequest): void {
  if (request.portal?.kind !== 'company') return;
  throw new DomainError(ErrorCode.Forbidden, 'Change your two-factor authentication on the “Easy access” page: it serves all your firms.', {
    where: 'easy_access',
  });
}

@Injectable()
class CodeChangesHereGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    assertCodeChangesHere(context.switchToHttp().getRequest<FastifyRequest>());
    return true;
  }
}

/**
 * A route that changes the account's code: refused on a company's host
 * before anything else, so that no proof is asked there for nothing (a code
 * typed on a firm's host for a change it cannot make is a code handed to it).
 * Below the route's other guard decorators: the lowest is listed first.
 */
export function CodeChangesOnEasyAccess(): MethodDecorator {
  return UseGuards(CodeChangesHereGuard);
}
