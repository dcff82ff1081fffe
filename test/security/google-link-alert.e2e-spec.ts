import { randomBytes } from 'node:crypto';
import { activeMember, browserOn, Company, createCompany, Member } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { RedirectingBrowser } from '../support/oidc-browser';
import { GoogleStack, startGoogleStack } from '../support/oidc-stack';

const LINKED = 'Un compte Google a été lié à votre compte';

/**
 * A Google account whose verified email is Claire's is linked to her account
 * at its first sign-in, without her password: whoever holds such an account
 * (the administrator of her mail domain, say) signs in as her from then on.
 * She must be told, like for a passkey added, and her "this wasn't me" must
 * undo the link, not only end the sessions: the Google account would
 * otherwise sign in again at once.
 */
describe('Linking a Google account to an account with a password is alerted, and "this wasn\'t me" undoes it', () => {
  const mailbox = new Mailbox();
  let google: GoogleStack;
  let firm: Company;
  let claire: Member;
  let notMe: URL;
  const sub = `google-${randomBytes(6).toString('hex')}`;
  const signInWithGoogle = () => new RedirectingBrowser(google.gateway, google.provider.url).follow(`http://${firm.host}:${google.gateway.port}/api/auth/google`);
  const home = (query = '') => `http://${firm.host}:${google.gateway.port}/${query}`;

  beforeAll(async () => {
    google = await startGoogleStack('google-link-alert');
    firm = await createCompany({ name: 'Lien Conseil' }, google.gateway);
    claire = await activeMember(firm, { name: 'Claire Lien' });
    await google.provider.signIn({ sub, email: claire.email, email_verified: true, name: 'Claire Lien' });
  });

  afterAll(async () => {
    await google?.dispose();
  });

  test('the first Google sign-in links the account and signs in; a mail tells her, with the link', async () => {
    expect((await signInWithGoogle()).next).toBe(home());

    const mail = await mailbox.waitFor({ to: claire.email, subject: LINKED });
    notMe = new URL(mailbox.linkIn(mail, '/not-me/'));
  });

  test('her report removes the link: the Google account signs in as her no more', async () => {
    expect((await browserOn(notMe.hostname, google.gateway).post('/api/auth/not-me', { token: tokenOf(notMe.href) })).status).toBe(204);

    expect((await signInWithGoogle()).next).toBe(home('?error=no_account'));
  });
});
