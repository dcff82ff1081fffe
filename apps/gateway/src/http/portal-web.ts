import { INestApplication, Logger } from '@nestjs/common';
import { NextFunction, Request, Response, static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
function setPageHeaders(response: Response): void {
  response.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  );
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
}

/**
 * Serves the reference web portal (apps/portal-web) on every portal host and
 * the easy access host, after the host has been resolved, so that an unknown
 * host still gets 404 `unknown_portal`. Any other GET path outside the API is
 * a client-side route and gets index.html; a missing asset gets the API's 404.
 */
export function installPortalWeb(app: INestApplication): void {
  const indexFile = join(PORTAL_WEB_DIR, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('PortalWeb').warn(`${indexFile} is missing: the web portal is not served (run npm run build).`);
    return;
  }
  const files = serveStatic(PORTAL_WEB_DIR, {
    index: false,
    redirect: false,
    setHeaders: (response, path) => response.setHeader('Cache-Control', path.startsWith(join(PORTAL_WEB_DIR, 'assets')) ? IMMUTABLE : 'no-cache'),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || GATEWAY_PATHS.test(request.path)) return next();
    setPageHeaders(response);
    files(request, response, () => {
      if (request.path.startsWith('/assets/')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(indexFile, (error) => error && next(error));
    });
  });
}
