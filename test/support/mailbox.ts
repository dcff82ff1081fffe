import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from './factories';
import { currentRun } from './run-context';
import { StoredMail } from './smtp-sink';

export interface ReceivedMail extends StoredMail {
  file: string;
}

export interface MailQuery {
  to: string;
  subject?: string | RegExp;
  /** A piece of the text, e.g. '/reset-password/', to tell apart mails whose subject a spec does not know. */
  containing?: string;
}

const POLL_MS = 100;

/** The mails the run's SMTP sink received. Each mail is handed out once per Mailbox. */
export class Mailbox {
  private readonly taken = new Set<string>();

  constructor(private readonly mailDir = currentRun().mailDir) {}

  async waitFor(query: MailQuery, timeoutMs = 5000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = this.matching(query)[0];
      if (mail) {
        this.taken.add(mail.file);
        return mail;
      }
      if (Date.now() > deadline) throw new Error(`No mail ${describeQuery(query)} within ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Mails not yet handed out, oldest first. */
  matching(query: MailQuery): ReceivedMail[] {
    return this.all().filter((mail) => !this.taken.has(mail.file) && matches(mail, query));
  }

  /** The first link in the mail whose path contains the marker, e.g. '/activate/'. */
  linkIn(mail: StoredMail, marker: string): string {
    const link = (mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).find((url) => new URL(url).pathname.includes(marker));
    if (!link) throw new Error(`No link with "${marker}" in the mail "${mail.subject}":\n${mail.text}`);
    return link.replace(/[.,;]+$/, '');
  }

  private all(): ReceivedMail[] {
    return readdirSync(this.mailDir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({ ...(JSON.parse(readFileSync(join(this.mailDir, file), 'utf8')) as StoredMail), file }));
  }
}

/** The last path segment of a mailed link: the token. */
export function tokenOf(link: string): string {
  const segments = new URL(link).pathname.split('/').filter(Boolean);
  return decodeURIComponent(segments[segments.length - 1] ?? '');
}

function matches(mail: StoredMail, query: MailQuery): boolean {
  if (!mail.to.includes(query.to.toLowerCase())) return false;
  if (typeof query.subject === 'string' && mail.subject !== query.subject) return false;
  if (query.subject instanceof RegExp && !query.subject.test(mail.subject)) return false;
  return query.containing === undefined || mail.text.includes(query.containing);
}

function describeQuery(query: MailQuery): string {
  const parts = [`to ${query.to}`];
  if (query.subject) parts.push(`with subject ${String(query.subject)}`);
  if (query.containing) parts.push(`containing "${query.containing}"`);
  return parts.join(' ');
}

/** Written in one language only: greeted in it, with no greeting of the other. */
export function expectWrittenIn(mail: ReceivedMail, language: Language, subject: string): void {
  expect(mail.subject).toBe(subject);
  expect(mail.text).toMatch(language === 'fr' ? /^Bonjour\b/ : /^Hello\b/);
  expect(mail.text).not.toContain(language === 'fr' ? 'Hello' : 'Bonjour');
}
