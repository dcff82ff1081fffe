import { Browser, Page } from 'playwright-core';
import { activeMember, Company, createAccount, createCompany, Member, memberWithTotp, TotpMember } from '../support/factories';
import { launchChromium, openPortal, PHONE, PortalLanguage } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';

const wording = {
  fr: {
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    signedOut: 'Vous êtes déconnecté.',
    required: 'Renseignez ce champ.',
    useRecovery: 'Utiliser plutôt un code de récupération',
    recoveryIntro: "Saisissez l'un des codes de récupération",
    authenticator: 'Ouvrez Google Authenticator',
    inThisBrowser: 'Dans ce navigateur',
    onThisComputer: 'Sur cet ordinateur',
    oneAccount: 'Votre adresse e-mail donne accès à un seul compte de ce portail',
    several: 'plusieurs comptes',
    recoveryLabel: 'Code de récupération',
    verify: 'Vérifier',
    alreadyOn: "L'authentification à deux facteurs est déjà activée sur votre compte",
    backToSettings: "Retour à l'authentification à deux facteurs",
    adminOnly: 'Administration seule',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedOut: 'You are signed out.',
    required: 'Fill in this field.',
    useRecovery: 'Use a recovery code instead',
    recoveryIntro: 'Enter one of the recovery codes',
    authenticator: 'Open Google Authenticator',
    inThisBrowser: 'In this browser',
    onThisComputer: 'On this computer',
    oneAccount: 'Your email opens one account of this portal',
    several: 'several accounts',
    recoveryLabel: 'Recovery code',
    verify: 'Verify',
    alreadyOn: 'Two-factor authentication is already on for your account',
    backToSettings: 'Back to two-factor authentication',
    adminOnly: 'Administration only',
  },
} as const;

/** Sentences that fit where the person stands: their language, their mode, their device, what just happened. */
describe.each(['fr', 'en'] as PortalLanguage[])('Messages that fit the situation, in %s', (language) => {
  const words = wording[language];
  let browser: Browser;
  let firm: Company;
  let ines: Member;
  let paul: TotpMember;

  const signIn = async (page: Page, member: Member) => {
    await page.goto('/sign-in');
    await page.getByLabel(words.email).fill(member.email);
    await page.getByLabel(words.password, { exact: true }).fill(member.password);
    await page.getByRole('button', { name: words.signIn }).click();
  };

  beforeAll(async () => {
    browser = await launchChromium();
    firm = await createCompany({ name: `Cabinet Perrin ${language}` });
    [ines, paul] = await Promise.all([activeMember(firm, { name: 'Inès Perrin', language }), memberWithTotp(firm, { name: 'Paul Perrin', language })]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test.each([['desktop'], ['phone']])('an empty field is explained in the portal’s language, not the browser’s (%s)', async (size) => {
    const page = await openPortal(browser, firm.host, { language });
    if (size === 'phone') await page.setViewportSize(PHONE);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: words.signIn }).click();

    const message = await page.getByLabel(words.email).evaluate((input: HTMLInputElement) => input.validationMessage);
    expect(message).toBe(words.required);
    await page.context().close();
  });

  test('signing out says it is done', async () => {
    const page = await openPortal(browser, firm.host, { language });
    await signIn(page, ines);
    await page.getByRole('button', { name: words.signOut }).click();

    await page.getByRole('status').filter({ hasText: words.signedOut }).waitFor();
    await checkScreen(page, `signed-out-${language}`);
    await page.context().close();
  });

  test('in recovery-code mode, the code screen no longer speaks of the authenticator app', async () => {
    const page = await openPortal(browser, firm.host, { language });
    await signIn(page, paul);
    await page.getByText(words.authenticator).waitFor();
    await page.getByRole('button', { name: words.useRecovery }).click();

    await page.getByText(words.recoveryIntro).waitFor();
    expect(await page.getByText(words.authenticator).count()).toBe(0);
    await checkScreen(page, `recovery-code-mode-${language}`);
    await page.context().close();
  });

  test('with one account, "Changer de compte" does not speak of several', async () => {
    const account = await createAccount(firm, 'Famille Perrin');
    const lea = await activeMember(firm, { name: 'Léa Perrin', language, accountIds: [account.id] });
    const page = await openPortal(browser, firm.host, { language });
    await signIn(page, lea);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/switch-account');

    await page.getByText(words.oneAccount).waitFor();
    expect(await page.getByText(words.several).count()).toBe(0);
    await checkScreen(page, `one-account-${language}`);
    await page.context().close();
  });

  test('the easy-access page on a phone speaks of this browser, not of a computer', async () => {
    const page = await openPortal(browser, firm.host, { language });
    await page.setViewportSize(PHONE);
    await page.goto('/easy-access');

    await page.getByRole('heading', { name: words.inThisBrowser }).waitFor();
    expect(await page.getByText(words.onThisComputer).count()).toBe(0);
    await page.context().close();
  });

  test('opening the 2FA set-up with 2FA on says it is on, and leads back to the settings', async () => {
    const page = await openPortal(browser, firm.host, { language });
    await signIn(page, paul);
    await page.getByRole('button', { name: words.useRecovery }).click();
    await page.getByLabel(words.recoveryLabel).fill(paul.recoveryCodes[1]);
    await page.getByRole('button', { name: words.verify }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto('/settings/two-factor/setup');

    await page.getByText(words.alreadyOn).waitFor();
    expect(await page.getByRole('img').count()).toBe(0);
    await page.getByRole('link', { name: words.backToSettings }).click();
    await page.waitForURL((url) => url.pathname === '/settings/two-factor');
    await page.context().close();
  });

  test("an admin without a client account is not told their company withholds one", async () => {
    const admin = await activeMember(firm, { name: 'Anne Perrin', language, role: 'admin' });
    const page = await openPortal(browser, firm.host, { language });
    await signIn(page, admin);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.getByText(words.adminOnly).waitFor();
    await page.context().close();
  });
});
