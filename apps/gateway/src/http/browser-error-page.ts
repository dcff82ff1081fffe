import { Language } from '@app/contracts';
import { FastifyRequest } from 'fastify';

/**
 * A browser that follows a link or a redirect (Google's way back, a mailed
 * link, a typed address) asks for HTML; the portal's own `fetch` calls ask
 * for JSON. Only the first gets a page: an API client keeps `{ error, message }`.
 */
export function isBrowserNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.headers['sec-fetch-mode'] === 'navigate') return true;
  return (request.headers.accept ?? '').includes('text/html');
}

/** No script and no style of its own: the portal's Content-Security-Policy forbids inline ones anyway. */
export const ERROR_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

const wording: Record<Language, { title: string; back: string }> = {
  fr: { title: 'Une erreur est survenue', back: 'Retour à la connexion' },
  en: { title: 'Something went wrong', back: 'Back to sign-in' },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** The error as a page in the request's language, with the way back to sign-in. */
export function browserErrorPage(language: Language, message: string): string {
  const { title, back } = wording[language];
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title></head>`,
    `<body><main><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="/">${back}</a></p></main></body>`,
    '</html>',
  ].join('\n');
}
