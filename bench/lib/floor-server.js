'use strict';
/**
 * The floor: the least a session check can cost on Node and Redis. A bare
 * node:http server that reads the session cookie and makes one Redis GET.
 * Run as a child process (fork), so it has its own event loop like the gateway.
 */
const http = require('node:http');
const Redis = require('ioredis');
const { serveIpc } = require('./processes');

const COOKIE = 'portal_session';
const redis = new Redis(process.env.REDIS_URL, { keyPrefix: process.env.KEY_PREFIX });

function sessionTokenOf(header) {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (part.slice(0, index).trim() === COOKIE) return part.slice(index + 1).trim();
  }
  return undefined;
}

const server = http.createServer(async (request, response) => {
  const token = sessionTokenOf(request.headers.cookie);
  const session = token ? await redis.get(`floor-sess:${token}`) : null;
  if (!session) {
    response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthenticated"}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(session);
});

serveIpc({
  async listen({ port }) {
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { port };
  },
  async seed({ sessions }) {
    const pipeline = redis.pipeline();
    for (const { token, value } of sessions) pipeline.set(`floor-sess:${token}`, value, 'EX', 3600);
    await pipeline.exec();
    return { count: sessions.length };
  },
});
