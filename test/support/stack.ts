import { AppName, AppProcess } from './app-process';
import { envOf, StackSettings } from './app-env';
import { PortalClient } from './portal-client';
import { Gateway } from './run-context';

const SERVICES: AppName[] = ['identity', 'mfa', 'tenancy'];
const APPS: readonly string[] = [...SERVICES, 'gateway'];
const READY_TIMEOUT_MS = 30_000;
/** Logged by bootService once a service is subscribed; services have no HTTP port to probe. */
const SERVICE_SERVING = /serving on \S+ in queue group/;

/**
 * The four apps as real processes from dist. A process is known by a name:
 * the app's own for the first, `identity-2`… for extra processes of a service.
 */
export class Stack {
  private readonly processes = new Map<string, AppProcess>();
  private launches = 0;

  private constructor(readonly settings: StackSettings) {}

  static async start(settings: StackSettings): Promise<Stack> {
    const stack = new Stack(settings);
    try {
      await Promise.all([...SERVICES, 'gateway' as const].map((app) => stack.launch(app, app)));
    } catch (error) {
      await stack.stopAll();
      throw error;
    }
    return stack;
  }

  get gateway(): Gateway {
    return {
      port: this.settings.gatewayPort,
      easyAccessHost: this.settings.easyAccessHost,
      operatorToken: this.settings.operatorToken,
    };
  }

  /**
   * Starts a stopped process again by its name (`identity`, `identity-2`…);
   * returns once the gateway answers ready again.
   */
  async start(name: string): Promise<void> {
    const app = this.processes.get(name)?.app ?? (APPS.includes(name) ? (name as AppName) : undefined);
    if (!app) throw new Error(`No process named ${name} in stack ${this.settings.label}.`);
    await this.launch(app, name);
    if (app !== 'gateway' && this.processes.get('gateway')?.running) await this.waitUntilGatewayReady();
  }

  /** Starts one more process of a service, in the same queue group; returns its name. */
  async startExtra(app: Exclude<AppName, 'gateway'>): Promise<string> {
    let index = 2;
    while (this.processes.has(`${app}-${index}`)) index += 1;
    const name = `${app}-${index}`;
    await this.launch(app, name);
    return name;
  }

  async stop(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.process(name).stop(signal);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.processes.values()].map((running) => running.stop()));
  }

  process(name: string): AppProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`No process named ${name} in stack ${this.settings.label}.`);
    return found;
  }

  /** The last lines of every process's log, for failure messages. */
  tails(lines = 30): string {
    return [...this.processes.values()].map((running) => running.tail(lines)).join('\n');
  }

  private async launch(app: AppName, name: string): Promise<void> {
    if (this.processes.get(name)?.running) throw new Error(`${name} is already running in stack ${this.settings.label}.`);
    this.launches += 1;
    const label = `${this.settings.label}.${name}.${this.launches}`;
    const launched = AppProcess.spawn(app, label, envOf(this.settings), this.settings.logDir);
    this.processes.set(name, launched);
    if (app === 'gateway') await this.waitUntilGatewayReady();
    else await launched.waitForLog(SERVICE_SERVING, READY_TIMEOUT_MS);
  }

  private async waitUntilGatewayReady(): Promise<void> {
    const gateway = this.process('gateway');
    const probe = new PortalClient(this.settings.easyAccessHost, this.settings.gatewayPort, { timeoutMs: 2000 });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (!gateway.running) throw new Error(`The gateway exited before it was ready.\n${this.tails()}`);
      try {
        const answer = await probe.get('/health/ready');
        if (answer.status === 200) return;
        last = `${answer.status} ${answer.text}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    throw new Error(`GET /health/ready did not answer 200 within ${READY_TIMEOUT_MS} ms (last: ${last}).\n${this.tails()}`);
  }
}
