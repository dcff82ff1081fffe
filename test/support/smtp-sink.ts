import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the sink stores it, one JSON file per mail. */
export interface StoredMail {
  to: string[];
  subject: string;
  text: string;
  at: string;
}

/**
 * An SMTP server that accepts every mail and writes it to a folder, where
 * specs in any Jest worker can read it.
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(mailDir: string): Promise<SmtpSink> {
    const server = new SMTPServer({
      // No STARTTLS: nodemailer would upgrade to it and then reject the sink's self-signed certificate.
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const mail: StoredMail = {
              to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              at: new Date().toISOString(),
            };
            store(mailDir, mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.server.address();
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('the SMTP sink has no port'));
      });
    });
    return new SmtpSink(server, port);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Written then renamed, so a reader never sees half a mail. */
function store(mailDir: string, mail: StoredMail): void {
  const name = `${Date.now()}-${randomBytes(4).toString('hex')}.json`;
  const partial = join(mailDir, `.${name}.partial`);
  writeFileSync(partial, JSON.stringify(mail, null, 2));
  renameSync(partial, join(mailDir, name));
}
