import { setTimeout as sleep } from 'node:timers/promises';
import { activeMember, browserOn, Company, createCompany, Member } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { anotherMachineAddress } from '../support/portal-client';

const MAILS_PER_EMAIL_PER_HOUR = 3;

/**
 * An attacker floods one person's inbox with reset mails, from many addresses
 * so that no per-address limit holds. Each email gets at most 3 mails an hour;
 * the answer stays 202, so the limit tells nothing about the email either.
 */
describe('Forgot-password mails at most 3 per email per hour', () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let victim: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Boite Pleine' });
    victim = await activeMember(firm);
  });

  test('25 requests from rotating addresses: every answer is 202, and at most 3 mails arrive', async () => {
    const answers = [];
    for (let request = 0; request < 25; request += 1) {
      const browser = browserOn(firm.host, firm.gateway, { sourceAddress: anotherMachineAddress() });
      answers.push(await browser.post('/api/auth/password/forgot', { email: victim.email }));
    }

    expect(answers.map((answer) => answer.status)).toEqual(Array(25).fill(202));
    for (let mail = 0; mail < MAILS_PER_EMAIL_PER_HOUR; mail += 1) await mailbox.waitFor({ to: victim.email, containing: '/reset-password/' });
    // Time for any further mail to arrive: the first three did already.
    await sleep(1500);
    expect(mailbox.matching({ to: victim.email, containing: '/reset-password/' })).toEqual([]);
  });
});
