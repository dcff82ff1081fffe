import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

/** What Google's userinfo endpoint says about the person signed in at it. */
export interface GooglePerson {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** A request the gateway made to the provider, as the provider saw it. */
export interface SeenRequest {
  path: string;
  /** The provider's answer: 400 for a code exchanged with the wrong PKCE verifier. */
  status: number;
  authorization: string | null;
  body: Record<string, string>;
}

/**
 * oauth2-mock-server is ESM only and Jest (on Node 20) runs specs as CommonJS,
 * so the provider runs in a child process, driven over IPC. The person the
 * provider vouches for, and the ways its endpoints fail, are set from the spec.
 * Its own HTTP server sits in front of the mock's request handler, so that a
 * request can be held without an answer, and the port closed and opened again.
 */
const PROVIDER_SCRIPT = `
import { createServer } from 'node:http';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';
const issuer = new OAuth2Issuer();
const service = new OAuth2Service(issuer);
await issuer.keys.generate('RS256');
let person = { sub: 'nobody' };
let tokenStatus = null;
let jwksStatus = null;
let tokenHangs = false;
const held = [];
const seen = [];
// Recorded once answered, with the body the mock parsed: the exchanges it refused too.
const record = (path, req, res) =>
  res.once('finish', () => seen.push({ path, status: res.statusCode, authorization: req.headers.authorization ?? null, body: { ...req.body } }));
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://provider').pathname;
  if (path === '/token' || path === '/userinfo') record(path, req, res);
  if (path === '/token' && tokenHangs) return void held.push([req, res]);
  if (path === '/jwks' && jwksStatus) return void res.writeHead(jwksStatus, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
  service.requestHandler(req, res);
});
const listen = (port) => new Promise((done, failed) => {
  server.once('error', failed).listen(port, '127.0.0.1', () => done(server.off('error', failed).address().port));
});
const close = () => new Promise((done) => {
  server.close(() => done());
  server.closeAllConnections();
});
const port = await listen(0);
issuer.url = 'http://127.0.0.1:' + port;
service.on('beforeTokenSigning', (token) => Object.assign(token.payload, person));
service.on('beforeResponse', (response) => {
  if (tokenStatus) Object.assign(response, { statusCode: tokenStatus, body: { error: 'server_error' } });
});
service.on('beforeUserinfo', (response) => {
  response.body = { ...person };
});
const commands = {
  signIn: (next) => { person = next; },
  failTokenEndpoint: (status) => { tokenStatus = status; },
  hangTokenEndpoint: () => { tokenHangs = true; },
  releaseTokenEndpoint: () => {
    tokenHangs = false;
    const released = held.splice(0);
    for (const [req, res] of released) service.requestHandler(req, res);
    return released.length;
  },
  failJwks: (status) => { jwksStatus = status; },
  refuseConnections: (refuse) => (refuse ? close() : listen(port)),
  seen: () => seen,
  idToken: ({ claims, expiresIn }) =>
    issuer.buildToken({ expiresIn, scopesOrTransform: (_header, payload) => Object.assign(payload, claims) }),
};
process.on('message', ({ id, command, argument }) =>
  Promise.resolve(commands[command](argument)).then((result) => process.send({ id, result: result ?? null })),
);
process.on('disconnect', () => close().finally(() => process.exit(0)));
process.send({ ready: issuer.url });
`;

const START_TIMEOUT_MS = 10_000;

/** A real local OpenID Connect server standing in for Google. */
export class OidcProvider {
  private readonly pending = new Map<string, (result: unknown) => void>();

  private constructor(
    private readonly child: ChildProcess,
    /** The issuer, e.g. http://127.0.0.1:41234; the endpoints are /authorize, /token, /userinfo and /jwks. */
    readonly url: string,
  ) {
    child.on('message', (message: { id?: string; result?: unknown }) => {
      if (message.id) this.pending.get(message.id)?.(message.result);
      if (message.id) this.pending.delete(message.id);
    });
  }

  static start(): Promise<OidcProvider> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', PROVIDER_SCRIPT], {
      cwd: resolve(__dirname, '../..'),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((ready, failed) => {
      const timer = setTimeout(() => failed(new Error('The OpenID Connect provider did not start in time.')), START_TIMEOUT_MS);
      child.once('exit', (code) => failed(new Error(`The OpenID Connect provider exited (${code}) before it was ready.`)));
      child.once('message', (message: { ready?: string }) => {
        clearTimeout(timer);
        if (message.ready) ready(new OidcProvider(child, message.ready));
      });
    });
  }

  /** The person signed in at the provider: the next authorizations are theirs. */
  async signIn(person: GooglePerson): Promise<void> {
    await this.command('signIn', person);
  }

  /** The token endpoint answers this status from now on; null for normal answers again. */
  async failTokenEndpoint(status: number | null): Promise<void> {
    await this.command('failTokenEndpoint', status);
  }

  /** From now on the token endpoint holds each request without an answer, as a Google that hangs. */
  async hangTokenEndpoint(): Promise<void> {
    await this.command('hangTokenEndpoint');
  }

  /** Answers the held token requests, late, and the next ones at once. @returns how many requests were held. */
  releaseTokenEndpoint(): Promise<number> {
    return this.command('releaseTokenEndpoint') as Promise<number>;
  }

  /** The JWKS endpoint answers this status from now on; null for Google's keys again. */
  async failJwks(status: number | null): Promise<void> {
    await this.command('failJwks', status);
  }

  /** Closes the provider's port (every connection refused) until called with false; the port stays the same. */
  async refuseConnections(refuse: boolean): Promise<void> {
    await this.command('refuseConnections', refuse);
  }

  /** Every token and userinfo request answered so far, oldest first. */
  seen(): Promise<SeenRequest[]> {
    return this.command('seen') as Promise<SeenRequest[]>;
  }

  /** An ID token signed by the provider's key, as the native Google SDK hands one to the app. */
  idToken(claims: Record<string, unknown>, expiresInSeconds = 600): Promise<string> {
    return this.command('idToken', { claims, expiresIn: expiresInSeconds }) as Promise<string>;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.disconnect();
    await exited;
  }

  private command(command: string, argument?: unknown): Promise<unknown> {
    const id = randomUUID();
    return new Promise((done) => {
      this.pending.set(id, done);
      this.child.send({ id, command, argument });
    });
  }
}
