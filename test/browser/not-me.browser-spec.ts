import { Browser } from 'playwright-core';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { Mailbox } from '../support/mailbox';

/**
 * Claire gets "Nouvelle connexion à votre compte" for a sign-in she did not
 * make, opens its link and, on her click (not on opening: mail scanners open
 * links), everyone is signed out and a reset link is on its way.
 */
describe('"Ce n\'était pas vous ?", from a security alert, in the portal', () => {
  let browser: Browser;
  let firm: Company;
  let claire: Member;

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: 'Morel Audit' });
    claire = await activeMember(firm, { name: 'Claire Morel' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the page asks first; the click signs out everywhere; the link then no longer works', async () => {
    const hers = browserOn(firm.host);
    expect((await hers.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
    const intruder = browserOn(firm.host);
    expect((await intruder.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('done');
    const mailbox = new Mailbox();
    const alert = await mailbox.waitFor({ to: claire.email, subject: 'Nouvelle connexion à votre compte' });
    const link = new URL(mailbox.linkIn(alert, '/not-me/'));

    const page = await openPortal(browser, link.hostname, { language: 'fr' });
    await page.goto(link.pathname);
    await page.getByRole('heading', { name: "Ce n'était pas vous ?" }).waitFor();
    expect((await intruder.get('/api/me')).status).toBe(200);
    await checkScreen(page, 'not-me');
    await page.getByRole('button', { name: 'Déconnecter partout et changer mon mot de passe' }).click();

    await page.getByText("C'est fait : toutes vos sessions et vos appareils sont déconnectés, et votre ancien mot de passe ne fonctionne plus.", { exact: false }).waitFor();
    expect((await intruder.get('/api/me')).status).toBe(401);
    expect((await hers.get('/api/me')).status).toBe(401);
    await mailbox.waitFor({ to: claire.email, subject: 'Réinitialisation de votre mot de passe' });

    await page.goto(link.pathname);
    await page.getByRole('heading', { name: 'Ce lien ne fonctionne plus' }).waitFor();
  });
});
