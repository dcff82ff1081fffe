import { Language } from '@app/contracts';
import accepts from 'accepts';
import { FastifyRequest } from 'fastify';

/**
 * The language the request asks for by `Accept-Language`: English only when
 * it prefers English to French, French otherwise (no header, or neither
 * language), as the portal's users speak French first.
 */
export function requestLanguage(request: FastifyRequest): Language {
  return accepts(request.raw).languages('fr', 'en') === 'en' ? 'en' : 'fr';
}
