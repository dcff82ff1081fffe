import { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { withVirtualAuthenticator } from '../support/browser-webauthn';
import { activeMember, Company, createCompany, Member } from '../support/factories';
import { sharedGateway } from '../support/run-context';

interface VirtualCredential {
  credentialId: string;
  rpId: string;
  isResidentCredential: boolean;
}

/**
 * Chromium's virtual authenticator (DevTools protocol, CTAP2, internal
 * transport, resident keys, user verification) stands in for a phone's
 * fingerprint reader: Julie signs in, is offered a passkey and says "not now",
 * then adds one in her security settings, renames it and removes it.
 */
async function signIn(page: Page, member: Member, labels: { email: string; password: string; submit: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(labels.email).fill(member.email);
  await page.getByLabel(labels.password, { exact: true }).fill(member.password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

describe('Passkeys in the security settings', () => {
  let browser: Browser;
  let page: Page;
  let webauthn: CDPSession;
  let authenticatorId: string;
  let firm: Company;
  let julie: Member;

  const status = (text: string) => page.getByRole('status').filter({ hasText: text });
  const credentials = async () =>
    ((await webauthn.send('WebAuthn.getCredentials', { authenticatorId })) as { credentials: VirtualCredential[] }).credentials;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Girard' });
    julie = await activeMember(firm, { name: 'Julie Girard' });
    // WebAuthn needs a secure context; the test hosts are plain http, as in development.
    browser = await launchChromium([`--unsafely-treat-insecure-origin-as-secure=http://${firm.host}:${sharedGateway().port}`]);
    page = await openPortal(browser, firm.host);
    ({ webauthn, authenticatorId } = await withVirtualAuthenticator(page));
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('right after signing in, the dashboard offers a passkey; "Plus tard" closes the offer', async () => {
    await signIn(page, julie, { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' });
    await page.getByRole('heading', { name: 'Bonjour, Julie Girard' }).waitFor();

    const offer = page.getByRole('heading', { name: "Connectez-vous plus vite avec une clé d'accès" });
    await offer.waitFor();
    await checkScreen(page, 'passkey-offer');
    await page.getByRole('button', { name: 'Plus tard' }).click();
    await offer.waitFor({ state: 'detached' });
    await status("Vous pourrez créer une clé d'accès à tout moment").waitFor();
    expect(await credentials()).toEqual([]);
  });

  test("she adds a passkey in the settings: a discoverable credential for this portal's host, shown as a card", async () => {
    await page.getByRole('link', { name: "Clés d'accès" }).click();
    await page.getByRole('heading', { name: "Connectez-vous plus vite avec une clé d'accès" }).waitFor();
    await page.getByRole('button', { name: "Créer une clé d'accès" }).click();

    await status("Clé d'accès créée.").waitFor();
    await page.getByRole('heading', { name: "Vos clés d'accès pour ce portail" }).waitFor();
    await page.getByText('Pas encore utilisée').waitFor();
    await checkScreen(page, 'passkeys');
    expect(await credentials()).toEqual([expect.objectContaining({ rpId: firm.host, isResidentCredential: true })]);
  });

  test('she renames it', async () => {
    await page.getByRole('button', { name: /^Renommer la clé d'accès / }).click();
    await page.getByLabel("Nom de la clé d'accès").fill('Téléphone de Julie');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    await status("Clé d'accès renommée.").waitFor();
    await page.getByText('Téléphone de Julie').waitFor();
  });

  test('she removes it, confirming with the passkey itself', async () => {
    await page.getByRole('button', { name: "Supprimer la clé d'accès Téléphone de Julie" }).click();
    await page.getByRole('button', { name: "Confirmer avec une clé d'accès" }).click();

    await status("Clé d'accès supprimée.").waitFor();
    await page.getByRole('button', { name: "Créer une clé d'accès" }).waitFor();
  });
});

/**
 * Emily reads the portal in English. The offer after sign-in creates the
 * passkey itself; a device that cannot verify her (no fingerprint, no screen
 * lock) creates none, which the page says calmly.
 */
describe('The passkey offer after sign-in, in English', () => {
  let browser: Browser;
  let page: Page;
  let webauthn: CDPSession;
  let authenticatorId: string;
  let firm: Company;
  let emily: Member;

  const status = (text: string) => page.getByRole('status').filter({ hasText: text });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Clark & Partners' });
    emily = await activeMember(firm, { name: 'Emily Clark' });
    browser = await launchChromium([`--unsafely-treat-insecure-origin-as-secure=http://${firm.host}:${sharedGateway().port}`]);
    page = await openPortal(browser, firm.host, { language: 'en' });
    ({ webauthn, authenticatorId } = await withVirtualAuthenticator(page));
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('without user verification, no passkey is created, and the offer stays', async () => {
    await webauthn.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await signIn(page, emily, { email: 'Email address', password: 'Password', submit: 'Sign in' });
    await page.getByRole('heading', { name: 'Sign in faster with a passkey' }).waitFor();
    await checkScreen(page, 'passkey-offer-en');

    await page.getByRole('button', { name: 'Create a passkey' }).click();
    await status('No passkey was created.').waitFor();
    expect(((await webauthn.send('WebAuthn.getCredentials', { authenticatorId })) as { credentials: unknown[] }).credentials).toEqual([]);
    await page.getByRole('button', { name: 'Not now' }).waitFor();
  });

  test('with it, the offer creates the passkey and leads to the settings', async () => {
    await webauthn.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true });
    await page.getByRole('button', { name: 'Create a passkey' }).click();

    await status('Passkey created.').waitFor();
    await page.getByRole('link', { name: 'Passkeys' }).first().click();
    await page.getByRole('heading', { name: 'Your passkeys for this portal' }).waitFor();
    await checkScreen(page, 'passkeys-en');
  });
});
