import { DomainError, ErrorCode } from '@app/contracts';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Where `vite build` writes the portal: dist/portal-web, seen from dist/apps/gateway/apps/gateway/src/http. */
const PORTAL_WEB_DIR = resolve(__dirname, '../../../../../../portal-web');

/** The gateway's own paths: never answered with the portal's page. */
const GATEWAY_PATHS = /^\/(api|health|metrics|docs)(\/|-json|$)/;

/** Vite names every asset after its content: a cached copy can never be stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Locks the portal's page to itself: scripts, styles and calls from its own
 * origin only (the QR code is a data: image), no framing (clickjacking of the
 * sign-in), and no Referer, since activation and reset tokens sit in the path.
 */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** The built files, as URL paths: a fixed set, so no request path ever reaches the file system. */
function builtFiles(): Set<string> {
  const entries = readdirSync(PORTAL_WEB_DIR, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((entry) => entry.isFile()).map((entry) => `/${relative(PORTAL_WEB_DIR, join(entry.parentPath, entry.name))}`));
}

/**
 * Serves the reference web portal (apps/portal-web) on every portal host and
 * the easy access host, after the host has been resolved, so that an unknown
 * host still gets 404 `unknown_portal`. Any other GET path outside the API is
 * a client-side route and gets index.html; a missing asset gets the API's 404.
 */
export async function installPortalWeb(app: NestFastifyApplication): Promise<void> {
  if (!existsSync(join(PORTAL_WEB_DIR, 'index.html'))) {
    new Logger('PortalWeb').warn(`${PORTAL_WEB_DIR}/index.html is missing: the web portal is not served (run npm run build).`);
    return;
  }
  const files = builtFiles();
  await app.register(fastifyStatic, { root: PORTAL_WEB_DIR, serve: false, cacheControl: false });
  app.getHttpAdapter().getInstance().get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (GATEWAY_PATHS.test(path) || (path.startsWith('/assets/') && !files.has(path))) {
      throw new DomainError(ErrorCode.NotFound, 'Nothing here.');
    }
    void reply.headers(PAGE_HEADERS);
    if (!files.has(path)) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    return reply.header('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache').sendFile(path.slice(1));
  });
}
