import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface AcceptedMail {
  to: string[];
  messageId: string;
  text: string;
}

/**
 * A mail server that refuses with a temporary error (451) while told to, or
 * the first attempts of each recipient, and keeps what it accepted in memory:
 * a spec counts every mail, duplicates included.
 */
export class RefusingSmtp {
  readonly accepted: AcceptedMail[] = [];
  private readonly attempts = new Map<string, number>();
  private refusing = false;
  private refusalsPerRecipient = 0;

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<RefusingSmtp> {
    const smtp: RefusingSmtp = new RefusingSmtp(
      new SMTPServer({
        disabledCommands: ['AUTH', 'STARTTLS'],
        authOptional: true,
        logger: false,
        onData: (stream, session, callback) => {
          const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
          simpleParser(stream)
            .then((parsed) => callback(smtp.take({ to, messageId: parsed.messageId ?? '', text: parsed.text ?? '' })))
            .catch((error: Error) => callback(error));
        },
      }),
    );
    await new Promise<void>((done) => smtp.server.listen(0, '127.0.0.1', done));
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  refuseAll(): void {
    this.refusing = true;
  }

  acceptAll(): void {
    this.refusing = false;
  }

  /** Refuses the first `count` attempts of each recipient, then accepts. */
  refuseFirst(count: number): void {
    this.refusalsPerRecipient = count;
  }

  attemptsFor(email: string): number {
    return this.attempts.get(email.toLowerCase()) ?? 0;
  }

  acceptedFor(email: string): AcceptedMail[] {
    return this.accepted.filter((mail) => mail.to.includes(email.toLowerCase()));
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  private take(mail: AcceptedMail): Error | undefined {
    const attempt = Math.max(...mail.to.map((email) => this.attempts.get(email) ?? 0)) + 1;
    mail.to.forEach((email) => this.attempts.set(email, attempt));
    if (this.refusing || attempt <= this.refusalsPerRecipient) return Object.assign(new Error('try later'), { responseCode: 451 });
    this.accepted.push(mail);
    return undefined;
  }
}
