import { Browser, Page } from 'playwright-core';
import { launchChromium, openPortal, PortalLanguage } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import {
  autofillWaiting,
  holdPasskey,
  laxAboutVerification,
  recordPasskeyRequests,
  signaturesMade,
  VirtualAuthenticator,
  withVirtualAuthenticator,
} from '../support/browser-webauthn';
import { expectStatus } from '../support/expect-status';
import { activeMember, browserOn, Company, createCompany, credentialsOf, enrolTotp, Member, memberWithTotp, onEasyAccessWithRecoveryCode, signedInClient } from '../support/factories';
import { registeredPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';
import { HeldPasskey, SoftwareAuthenticator } from '../support/software-authenticator';

/** A passkey registered for the company's host through the API, held by a software authenticator until a device takes it. */
async function passkeyOf(company: Company, signedIn: PortalClient): Promise<HeldPasskey> {
  const software = new SoftwareAuthenticator();
  await registeredPasskey(signedIn, software);
  return software.newestFor(company.host);
}

/** A fresh browser profile on the company's host, with a device (the virtual authenticator) that holds no passkey yet. */
async function deviceOn(browser: Browser, company: Company, options: { language?: PortalLanguage; verifies?: boolean } = {}) {
  const page = await openPortal(browser, company.host, { language: options.language });
  await recordPasskeyRequests(page);
  const device = await withVirtualAuthenticator(page, { isUserVerified: options.verifies ?? true });
  return { page, device };
}

/** Ends the profile; the passkey keeps the device's signature counter, as the gateway does, for the next test's copy. */
async function putAway(page: Page, device: VirtualAuthenticator, passkey: HeldPasskey): Promise<void> {
  passkey.counter = Math.max(passkey.counter, ...(await signaturesMade(device)));
  await page.context().close();
}

/** What the gateway answers this browser about its sign-in: 401 when it has no session. */
function sessionStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/auth/state')).status);
}

const secureOrigin = (company: Company) => `http://${company.host}:${sharedGateway().port}`;

/**
 * Léa made a passkey for her accountant's portal on her phone. She signs in
 * with it without typing her email, from the button or from the email field's
 * suggestions; the password form is always there beside it.
 */
describe('Sign-in with a passkey, in French', () => {
  let browser: Browser;
  let firm: Company;
  let lea: Member;
  let passkey: HeldPasskey;

  const passkeyButton = (page: Page) => page.getByRole('button', { name: "Se connecter avec une clé d'accès" });
  const dashboard = (page: Page) => page.getByRole('heading', { name: 'Bonjour, Léa Morel' });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Morel' });
    lea = await activeMember(firm, { name: 'Léa Morel' });
    passkey = await passkeyOf(firm, await signedInClient(firm, lea));
    // WebAuthn needs a secure context; the test hosts are plain http, as in development.
    browser = await launchChromium([`--unsafely-treat-insecure-origin-as-secure=${secureOrigin(firm)}`]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('"Se connecter avec une clé d\'accès": the browser\'s dialog replaces the waiting autofill, no email typed, straight to the dashboard', async () => {
    const { page, device } = await deviceOn(browser, firm);
    await page.goto('/sign-in');
    await autofillWaiting(page);
    expect(await page.getByLabel('Adresse e-mail').getAttribute('autocomplete')).toBe('username webauthn');
    await checkScreen(page, 'sign-in-passkey');
    await holdPasskey(device, passkey);

    await passkeyButton(page).click();
    await dashboard(page).waitFor();
    expect(await page.evaluate(() => window.passkeyRequests)).toEqual(['conditional', 'optional']);
    expect(await signaturesMade(device)).toEqual([passkey.counter + 1]);
    await putAway(page, device, passkey);
  });

  test('the email field suggests her passkey (autofill): choosing it signs her in', async () => {
    const { page, device } = await deviceOn(browser, firm);
    await holdPasskey(device, passkey);
    await page.goto('/sign-in');
    // She focuses the field; Chromium's virtual authenticator may answer the autofill even sooner, and
    // the field is gone with the sign-in page: what counts is that the autofill alone signed her in.
    void page.getByLabel('Adresse e-mail').focus({ timeout: 5_000 }).catch(() => undefined);

    await dashboard(page).waitFor();
    expect(await page.evaluate(() => window.passkeyRequests)).toEqual(['conditional']);
    expect(await signaturesMade(device)).toEqual([passkey.counter + 1]);
    await putAway(page, device, passkey);
  });

  test('a device that cannot confirm it is her signs no one in: a calm sentence, no session, the password still works', async () => {
    const { page, device } = await deviceOn(browser, firm, { verifies: false });
    await page.goto('/sign-in');
    await autofillWaiting(page);
    await holdPasskey(device, passkey);
    await passkeyButton(page).click();

    await page.getByRole('status').filter({ hasText: "Aucune clé d'accès n'a été utilisée." }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await sessionStatus(page)).toBe(401);
    expect(await signaturesMade(device)).toEqual([passkey.counter]);

    await page.getByLabel('Adresse e-mail').fill(lea.email);
    await page.getByLabel('Mot de passe').fill(lea.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await dashboard(page).waitFor();
    await putAway(page, device, passkey);
  });

  test('an assertion without user verification that reaches the gateway anyway is refused in words, with no session', async () => {
    const { page, device } = await deviceOn(browser, firm, { verifies: false });
    await laxAboutVerification(page);
    await holdPasskey(device, passkey);
    await page.goto('/sign-in');
    await passkeyButton(page).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      "Cette clé d'accès n'a pas été acceptée sur ce portail. Utilisez une clé d'accès créée ici, ou connectez-vous avec votre mot de passe.",
    );
    expect(await signaturesMade(device)).toEqual([passkey.counter + 1]);
    expect(await sessionStatus(page)).toBe(401);
    await passkeyButton(page).waitFor();
    await putAway(page, device, passkey);
  });
});

/**
 * Hugo and Emily turned on two-factor authentication and also made a passkey
 * for their portal: after the password, the second step offers the passkey
 * beside the code.
 */
describe.each([
  {
    language: 'fr' as const,
    name: 'Hugo Leroy',
    labels: { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter', code: "Code d'authentification", codeField: 'Code à 6 chiffres', choice: "Utiliser une clé d'accès" },
    hello: 'Bonjour, Hugo Leroy',
    screen: 'code-prompt-passkey',
  },
  {
    language: 'en' as const,
    name: 'Emily Clark',
    labels: { email: 'Email address', password: 'Password', submit: 'Sign in', code: 'Authentication code', codeField: '6-digit code', choice: 'Use a passkey' },
    hello: 'Hello, Emily Clark',
    screen: 'code-prompt-passkey-en',
  },
])('The second step by passkey ($language)', ({ language, name, labels, hello, screen }) => {
  let browser: Browser;
  let firm: Company;
  let member: Member;
  let passkey: HeldPasskey;

  beforeAll(async () => {
    firm = await createCompany({ name: language === 'fr' ? 'Fiduciaire Leroy' : 'Clark & Partners' });
    const withTotp = await memberWithTotp(firm, { name });
    member = withTotp;
    passkey = await passkeyOf(firm, withTotp.browser);
    browser = await launchChromium([`--unsafely-treat-insecure-origin-as-secure=${secureOrigin(firm)}`]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('after the password, the passkey answers instead of the code', async () => {
    const { page, device } = await deviceOn(browser, firm, { language });
    await page.goto('/sign-in');
    await autofillWaiting(page);
    if (language === 'en') await checkScreen(page, 'sign-in-passkey-en');
    await page.getByLabel(labels.email).fill(member.email);
    await page.getByLabel(labels.password).fill(member.password);
    await page.getByRole('button', { name: labels.submit, exact: true }).click();

    await page.getByRole('heading', { name: labels.code }).waitFor();
    await page.getByLabel(labels.codeField).waitFor();
    // Only now on the device: held while the autofill still waited, Chromium's virtual authenticator could answer it at once.
    await holdPasskey(device, passkey);
    const usePasskey = page.getByRole('button', { name: labels.choice });
    await checkScreen(page, screen);
    await usePasskey.click();

    await page.getByRole('heading', { name: hello }).waitFor();
    // The autofill was ended when the password was sent: the one signature is the second step's.
    expect(await page.evaluate(() => window.passkeyRequests)).toEqual(['conditional', 'optional']);
    expect(await signaturesMade(device)).toEqual([passkey.counter + 1]);
    await putAway(page, device, passkey);
  });
});

/**
 * Inès's firm requires two-factor authentication; she turned the app's codes
 * off and kept her passkey: after the password, the passkey is the way, with
 * no code to type, and "Pas d'accès à l'application" is still there.
 */
describe('A passkey as the only second factor, where the portal requires one', () => {
  let browser: Browser;
  let firm: Company;
  let ines: Member;
  let passkey: HeldPasskey;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Audit Benali', requireTotp: true });
    ines = await activeMember(firm, { name: 'Inès Benali' });
    const client = browserOn(firm.host);
    expectStatus(await client.post('/api/auth/login', credentialsOf(ines)), 200, 'login');
    const { confirmation } = await enrolTotp(client);
    passkey = await passkeyOf(firm, client);
    // On the easy access host, where the account's code changes.
    const easy = await onEasyAccessWithRecoveryCode(ines, (confirmation.body.recoveryCodes as string[])[0], firm.id);
    expectStatus(await easy.delete('/api/me/totp', { json: { password: ines.password } }), 204, 'turn the codes off');
    browser = await launchChromium([`--unsafely-treat-insecure-origin-as-secure=${secureOrigin(firm)}`]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('after the password, the passkey and no code form', async () => {
    const { page, device } = await deviceOn(browser, firm);
    await page.goto('/sign-in');
    await autofillWaiting(page);
    await holdPasskey(device, passkey);
    await page.getByLabel('Adresse e-mail').fill(ines.email);
    await page.getByLabel('Mot de passe').fill(ines.password);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();

    await page.getByRole('heading', { name: "Confirmez que c'est bien vous" }).waitFor();
    expect(await page.getByLabel('Code à 6 chiffres').count()).toBe(0);
    await page.getByRole('link', { name: "Pas d'accès à l'application" }).waitFor();
    await checkScreen(page, 'passkey-step');
    await page.getByRole('button', { name: "Utiliser une clé d'accès" }).click();

    await page.getByRole('heading', { name: 'Bonjour, Inès Benali' }).waitFor();
    expect(await signaturesMade(device)).toEqual([passkey.counter + 1]);
    await putAway(page, device, passkey);
  });
});
