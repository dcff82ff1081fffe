import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type AppName = 'gateway' | 'identity' | 'mfa' | 'tenancy';

const ROOT = resolve(__dirname, '../..');
const STOP_GRACE_MS = 10_000;

function entryOf(app: AppName): string {
  return join(ROOT, 'dist/apps', app, 'apps', app, 'src/main.js');
}

/** One running process of an app, its output in a log file of its own. */
export class AppProcess {
  private exitCode: number | string | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    readonly app: AppName,
    readonly label: string,
    readonly logFile: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        this.exitCode = signal ?? code;
        process.removeListener('exit', this.killOnExit);
        done();
      }),
    );
    // A crashed or interrupted Jest must not leave apps running on the shared servers.
    process.once('exit', this.killOnExit);
  }

  static spawn(app: AppName, label: string, env: NodeJS.ProcessEnv, logDir: string): AppProcess {
    const entry = entryOf(app);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
    const logFile = join(logDir, `${label}.log`);
    const log = openSync(logFile, 'a');
    try {
      const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', log, log] });
      return new AppProcess(app, label, logFile, child);
    } finally {
      closeSync(log);
    }
  }

  get running(): boolean {
    return this.exitCode === null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  logs(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  tail(lines = 40): string {
    return `--- ${this.label} (${this.logFile}), last ${lines} lines ---\n${this.logs().split('\n').slice(-lines).join('\n')}`;
  }

  /** Resolves once the log has a line matching; fails early if the process dies. */
  async waitForLog(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.logs())) {
      if (!this.running) throw new Error(`${this.label} exited (${this.exitCode}) before logging ${pattern}.\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`${this.label} did not log ${pattern} within ${timeoutMs} ms.\n${this.tail()}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** Sends the signal and waits for the exit; SIGKILL if a graceful stop takes too long. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private readonly killOnExit = () => {
    this.child.kill('SIGKILL');
  };
}
