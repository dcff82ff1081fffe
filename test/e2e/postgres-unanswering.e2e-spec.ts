import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { browserOn, Company, createCompany } from '../support/factories';
import { databaseUrl } from '../support/infrastructure';
import { activeMembers, failed, isSuccessOrUnavailable, Outcome, SignInLoad, tally } from '../support/outage-load';
import { OwnStack, startOwnStack } from '../support/own-stack';

/** An answer slower than this is a hang: the caller waits 2 s (RPC_TIMEOUT_MS in the tests), then retries reads twice. */
const HANG_MS = 5000;
const OUTAGE_MS = 4000;
/** Everything must work again this long after connections reach a server again. */
const RECOVERY_MS = 5000;

/**
 * Postgres as seen through a failover without TCP reset: between the services
 * and the server, a proxy that can go dark. Then the connections open at that
 * moment stay open and silent for ever, and new ones are taken but never
 * answered; after the "failover", new connections reach a server again (the
 * same one, standing for the new primary) while the dark ones stay dark.
 */
class DarkeningProxy {
  private dark = false;
  private readonly sockets = new Set<Socket>();
  private readonly pairs = new Set<{ dark: boolean }>();

  private constructor(private readonly server: Server) {}

  static async start(target: URL): Promise<DarkeningProxy> {
    const proxy: DarkeningProxy = new DarkeningProxy(createServer((socket) => proxy.take(socket, target)));
    await new Promise<void>((done) => proxy.server.listen(0, '127.0.0.1', done));
    return proxy;
  }

  /** The URL of the database through this proxy. */
  urlOf(database: string): string {
    const url = new URL(databaseUrl(database));
    url.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return url.toString();
  }

  goDark(): void {
    this.dark = true;
    this.pairs.forEach((pair) => (pair.dark = true));
  }

  failOver(): void {
    this.dark = false;
  }

  close(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    return new Promise((done) => this.server.close(() => done()));
  }

  private take(socket: Socket, target: URL): void {
    this.track(socket);
    if (this.dark) return;
    const pair = { dark: false };
    this.pairs.add(pair);
    const upstream = this.track(connect(Number(target.port || 5432), target.hostname));
    // Bytes are dropped, not refused: nothing tells either side the other is gone.
    socket.on('data', (chunk) => pair.dark || upstream.write(chunk));
    upstream.on('data', (chunk) => pair.dark || socket.write(chunk));
    socket.once('close', () => pair.dark || upstream.destroy());
    upstream.once('close', () => pair.dark || socket.destroy());
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => this.sockets.delete(socket));
    return socket;
  }
}

describe('Postgres going silent without a TCP reset, then failing over, under a sign-in load', () => {
  let proxy: DarkeningProxy;
  let own: OwnStack;
  let firm: Company;
  let load: SignInLoad;

  beforeAll(async () => {
    proxy = await DarkeningProxy.start(new URL(databaseUrl('postgres')));
    own = await startOwnStack('postgres-silent', {
      extraEnv: (settings) => ({ DATABASE_URL: proxy.urlOf(new URL(settings.databaseUrl).pathname.slice(1)) }),
    });
    firm = await createCompany({ name: 'Morel Avocats' }, own.gateway);
    load = new SignInLoad(firm, await activeMembers(firm, 16));
  }, 120_000);

  afterAll(async () => {
    await load?.stop();
    await own?.dispose();
    await proxy?.close();
  });

  test('no request hangs: each gets 503 with Retry-After, readiness names postgres, and all works again after the failover', async () => {
    load.start();
    await sleep(1000);
    proxy.goDark();
    await sleep(OUTAGE_MS / 2);
    const ready = await browserOn(own.gateway.easyAccessHost, own.gateway).get('/health/ready');
    await sleep(OUTAGE_MS / 2);
    proxy.failOver();
    const backAt = Date.now();
    await sleep(RECOVERY_MS + 2000);
    const outcomes = await load.stop();

    const meanwhile = outcomes.filter((outcome) => outcome.startedAt < backAt + RECOVERY_MS);
    const afterwards = outcomes.filter((outcome) => outcome.startedAt >= backAt + RECOVERY_MS);
    expect(tally(meanwhile.filter((outcome) => !isSuccessOrUnavailable(outcome)))).toEqual({});
    expect(meanwhile.filter((outcome) => outcome.status === 503).length).toBeGreaterThan(0);
    expect(slowest(meanwhile)).toBeLessThan(HANG_MS);
    expect({ status: ready.status, failed: ready.body.failed }).toEqual({ status: 503, failed: ['postgres'] });
    expect(tally(failed(afterwards))).toEqual({});
    expect(afterwards.length).toBeGreaterThan(4);
  }, 60_000);
});

function slowest(outcomes: Outcome[]): number {
  return Math.max(0, ...outcomes.map((outcome) => outcome.elapsedMs));
}
