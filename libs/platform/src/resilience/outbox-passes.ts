import { requestContext } from '../observability/request-context';

/** How often an outbox table is looked at without being asked: rows a dead process left, or a retry come due. */
const SWEEP_MS = 1000;

/**
 * When an outbox table (announcements, mails) is read: a pass after each
 * commit that wrote to it (`soon`), and one a second for what no commit asked
 * for. A pass asked for while one runs becomes one more round of that pass,
 * so that a process never runs two at once.
 */
export class OutboxPasses {
  private sweep?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private again = false;
  private stopped = false;
  private failing = false;

  /**
   * @param round takes one batch; true when it was full, so that another round follows at once.
   * @param outage told of a round that threw (the pass ends there, and the rows wait for the next one),
   * `first` of a run of such rounds: an outage is logged once, not every second; and told when a round works again.
   */
  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly outage: { failed(error: unknown, first: boolean): void; over(): void },
  ) {}

  get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.sweep = setInterval(() => this.soon(), SWEEP_MS).unref();
    this.soon();
  }

  /** No pass starts any more; the one under way is returned, for the caller to wait on as long as it can. */
  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    return this.pass ?? Promise.resolve();
  }

  /** Starts a pass, or asks the running one for another round. */
  soon(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    // Outside the request that asked: the rows a pass takes are not all of that request.
    this.pass = requestContext.exit(() => this.rounds()).finally(() => (this.pass = undefined));
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false;
      try {
        if (await this.round()) this.again = true;
      } catch (error) {
        this.outage.failed(error, !this.failing);
        this.failing = true;
        return;
      }
      if (this.failing) this.outage.over();
      this.failing = false;
    } while (this.again && !this.stopped);
  }
}
