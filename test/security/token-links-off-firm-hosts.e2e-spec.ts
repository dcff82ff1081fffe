import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

/**
 * Firm A serves its own host and may read what it receives. Claire is A's
 * client only, for now. A link that carries a token and opens on A's host
 * hands A the token as soon as it is opened, by her or by her mail
 * scanner: a "this wasn't me" token works for 7 days, and used after she
 * joined firm B it would remove the code she set up there and sign her out
 * everywhere. Links that carry a token open on the easy access host, which
 * no firm serves, whichever firms she has.
 */
describe("Links carrying a token open on the easy access host, never on a one-firm client's firm host", () => {
  const mailbox = new Mailbox();
  const { easyAccessHost } = sharedGateway();
  let firmA: Company;
  let claire: Member;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Accroche' });
    claire = await activeMember(firmA, { name: 'Claire Seule' });
  });

  test("the new sign-in alert's \"this wasn't me\" link", async () => {
    // Her first browser is known from then on; the second is new, and alerted.
    for (let browser = 0; browser < 2; browser += 1) {
      expect((await browserOn(firmA.host).post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'done' });
    }

    const alert = await mailbox.waitFor({ to: claire.email, containing: '/not-me/' });

    expect(new URL(mailbox.linkIn(alert, '/not-me/')).hostname).toBe(easyAccessHost);
  });

  test('the reset link, asked on her firm\'s host', async () => {
    expect((await browserOn(firmA.host).post('/api/auth/password/forgot', { email: claire.email })).status).toBe(202);

    const mail = await mailbox.waitFor({ to: claire.email, containing: '/reset-password/' });

    expect(new URL(mailbox.linkIn(mail, '/reset-password/')).hostname).toBe(easyAccessHost);
  });
});
