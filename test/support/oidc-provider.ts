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
  authorization: string | null;
  body: Record<string, string>;
}

/**
 * oauth2-mock-server is ESM only and Jest (on Node 20) runs specs as CommonJS,
 * so the provider runs in a child process, driven over IPC. The person the
 * provider vouches for, and a failing token endpoint, are set from the spec.
 */
const PROVIDER_SCRIPT = `
import { OAuth2Server } from 'oauth2-mock-server';
const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
await server.start(0, '127.0.0.1');
server.issuer.url = 'http://127.0.0.1:' + server.address().port;
let person = { sub: 'nobody' };
let tokenStatus = null;
const seen = [];
const record = (req) => seen.push({ path: req.path, authorization: req.headers.authorization ?? null, body: { ...req.body } });
server.service.on('beforeTokenSigning', (token) => Object.assign(token.payload, person));
server.service.on('beforeResponse', (response, req) => {
  record(req);
  if (tokenStatus) Object.assign(response, { statusCode: tokenStatus, body: { error: 'server_error' } });
});
server.service.on('beforeUserinfo', (response, req) => {
  record(req);
  response.body = { ...person };
});
const commands = {
  signIn: (next) => { person = next; },
  failTokenEndpoint: (status) => { tokenStatus = status; },
  seen: () => seen,
  idToken: ({ claims, expiresIn }) =>
    server.issuer.buildToken({ expiresIn, scopesOrTransform: (_header, payload) => Object.assign(payload, claims) }),
};
process.on('message', ({ id, command, argument }) =>
  Promise.resolve(commands[command](argument)).then((result) => process.send({ id, result: result ?? null })),
);
process.on('disconnect', () => server.stop().finally(() => process.exit(0)));
process.send({ ready: server.issuer.url });
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

  /** Every token and userinfo request so far, oldest first. */
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
