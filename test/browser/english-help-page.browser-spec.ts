import { Browser, Page } from 'playwright-core';
import { activeMember, addMember, Company, createAccount, createCompany, Member, signedInClient, strongPassword, uniqueEmail } from '../support/factories';
import { launchChromium, openPortal } from '../support/browser-portal';
import { checkScreen } from '../support/browser-screens';
import { Authenticator } from '../support/browser-totp';
import { Mailbox } from '../support/mailbox';
import { sharedGateway } from '../support/run-context';

/**
 * The help page walked in English: the invitation mail, "Easy access" with the
 * choice of portal, "Switch account" and the banner, sessions, password, 2FA
 * from the settings, the code prompt with "No access to the app", and the
 * admin who turns 2FA off and finds it in the audit trail.
 */
describe('Olivia walks the help page in English', () => {
  const mailbox = new Mailbox();
  const email = uniqueEmail('olivia');
  let password = strongPassword();
  let browser: Browser;
  let page: Page;
  let admin: Page;
  let firm: Company;
  let rachel: Member;
  let app: Authenticator;

  const banner = () => page.getByText(/^You are signed in to the account /);
  const accountName = async () => (await page.getByRole('contentinfo').locator('.account-name').innerText()).trim();
  const status = (on: Page, text: string) => on.getByRole('status').filter({ hasText: text }).waitFor();

  async function signIn(on: Page, credentials: { email: string; password: string }): Promise<void> {
    await on.getByRole('heading', { name: 'Sign in' }).waitFor();
    await on.getByLabel('Email address').fill(credentials.email);
    await on.getByLabel('Password').fill(credentials.password);
    await on.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** On the easy access host, her email opens two portals: she picks her firm's. */
  async function signInToFirm(): Promise<void> {
    await signIn(page, { email, password });
    await page.getByRole('heading', { name: 'Choose your client portal' }).waitFor();
    await page.getByRole('button', { name: /Bennett Advisers/ }).click();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const carter = await createCompany({ name: 'Carter Legal' });
    firm = await createCompany({ name: 'Bennett Advisers' });
    const accounts = await Promise.all([createAccount(firm, 'Bennett Household'), createAccount(firm, 'Bennett Trust')]);
    rachel = await activeMember(firm, { name: 'Rachel Ward', role: 'admin', language: 'en' });
    await addMember(firm, { email, name: 'Olivia Bennett', accountIds: accounts.map((account) => account.id), language: 'en' });
    await addMember(carter, { email, name: 'Olivia Bennett', language: 'en' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the invitation mail, in English, opens the page where she chooses her password', async () => {
    const mail = await mailbox.waitFor({ to: email, subject: 'Your access to the Bennett Advisers client portal' });
    page = await openPortal(browser, sharedGateway().easyAccessHost, { language: 'en' });

    await page.goto(mailbox.linkIn(mail, '/activate/'));
    await page.getByRole('heading', { name: 'Activate your account' }).waitFor();
    await checkScreen(page, 'activate-en');
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Confirm the new password').fill(password);
    await page.getByRole('button', { name: 'Activate my account' }).click();

    await status(page, 'Your account is active. You can now sign in.');
  });

  test("activating joined Bennett Advisers, whose link it was; Carter Legal's new mail asks her, and she accepts", async () => {
    const mail = await mailbox.waitFor({ to: email, containing: '/invitation/' });
    expect(mail.text).toContain('Carter Legal');

    await page.goto(mailbox.linkIn(mail, '/invitation/'));
    await page.getByRole('button', { name: 'Accept the invitation' }).click();

    await page.getByText('You have joined this client portal. Sign in as usual.').waitFor();
  });

  test('on the easy access page she signs in with her email and chooses the portal', async () => {
    await page.goto('/easy-access');
    await page.getByRole('heading', { name: 'Easy access' }).waitFor();
    await checkScreen(page, 'easy-access-en');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, { email, password });
    await page.getByRole('heading', { name: 'Choose your client portal' }).waitFor();
    const portals = page.getByRole('list').getByRole('button');
    expect(await portals.allInnerTexts()).toEqual([expect.stringContaining('Bennett Advisers'), expect.stringContaining('Carter Legal')]);
    await checkScreen(page, 'portal-choice-en');
    await portals.filter({ hasText: 'Bennett Advisers' }).click();

    await page.getByRole('heading', { name: 'Hello, Olivia Bennett' }).waitFor();
    await page.getByText('You are in the client portal of Bennett Advisers.').waitFor();
    expect(await banner().innerText()).toBe(`You are signed in to the account ${await accountName()}.`);
  });

  test('"Switch account" opens her other account, named in the banner and at the bottom left; the X closes the banner', async () => {
    const other = (await accountName()) === 'Bennett Household' ? 'Bennett Trust' : 'Bennett Household';

    await page.getByRole('contentinfo').getByRole('link', { name: 'Switch account' }).click();
    await page.getByRole('heading', { name: 'Switch account' }).waitFor();
    await checkScreen(page, 'switch-account-en');
    await page.getByRole('button', { name: other }).click();

    await status(page, `You are now in the account ${other}.`);
    expect(await banner().innerText()).toBe(`You are signed in to the account ${other}.`);
    expect(await accountName()).toBe(other);
    await page.getByRole('button', { name: 'Close this notice until the next sign-in' }).click();
    await banner().waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Switch account' }).waitFor();
    expect(await banner().count()).toBe(0);
  });

  test('her sessions list another browser, which she signs out', async () => {
    const elsewhere = await signedInClient(firm, { email, password });

    await page.getByRole('link', { name: 'Sessions and devices' }).click();
    const signOutButtons = page.getByRole('button', { name: /^Sign out: Web browser, signed in / });
    await signOutButtons.first().waitFor();
    expect(await page.getByText('this browser', { exact: true }).count()).toBe(1);
    await checkScreen(page, 'sessions-en');
    await signOutButtons.first().click();

    await status(page, 'That session has been ended.');
    expect((await elsewhere.get('/api/me')).status).toBe(401);
  });

  test('changing her password says what went wrong, then that it worked', async () => {
    const next = strongPassword();
    await page.getByRole('link', { name: 'Password', exact: true }).click();
    await page.getByLabel('Current password').fill('not-her-password');
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('Confirm the new password').fill(next);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The current password is incorrect.' }).waitFor();
    await checkScreen(page, 'change-password-en');

    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await status(page, 'Your password has been changed. Your other sessions and devices were signed out.');
    password = next;
  });

  test('from her settings she turns two-factor authentication on, and saves her recovery codes', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Two-factor authentication' }).click();
    await page.getByText('Off: your password alone signs you in.').waitFor();
    await page.getByRole('link', { name: 'Set up two-factor authentication' }).click();
    await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    // The menu still says where she is: in the two-factor settings, on a page below them.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Two-factor authentication' }).getAttribute('aria-current')).toBe('true');
    await checkScreen(page, 'two-factor-settings-setup-en');
    app = new Authenticator(await page.getByLabel('Setup key').inputValue());
    await page.getByLabel('6-digit code').fill(await app.code());
    await page.getByRole('button', { name: 'Turn on' }).click();

    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    await checkScreen(page, 'recovery-codes-en');
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('On: each sign-in asks for a code from your authenticator app.').waitFor();
    await checkScreen(page, 'two-factor-settings-en');
  });

  test('the code prompt, before her portals are listed, offers a recovery code, and tells a wrong code in English with the attempts left', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, { email, password });
    await page.getByRole('heading', { name: 'Authentication code' }).waitFor();
    await checkScreen(page, 'code-prompt-en');
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').waitFor();
    await checkScreen(page, 'code-prompt-recovery-en');
    await page.getByRole('button', { name: 'Use the code from the app' }).click();

    await page.getByLabel('6-digit code').fill(app.wrongCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^This code was not accepted\. Enter the new code the app shows\. \d+ attempts left\.$/);
  });

  test('without her phone, "No access to the app" asks her firms, once she confirms from her mailbox', async () => {
    await page.getByRole('link', { name: 'No access to the app' }).click();
    await page.getByRole('heading', { name: 'No access to the app' }).waitFor();
    await page.getByLabel(/^Message to .+ \(optional\)$/).fill('I lost my phone.');
    await checkScreen(page, 'no-access-en');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await status(page, 'Check your mailbox: open the link we sent you to confirm the request (one mail for each of your companies; confirming one is enough;');
    await checkScreen(page, 'no-access-sent-en');

    const mail = await mailbox.waitFor({ to: email, subject: 'Confirm your help request', containing: 'Bennett Advisers' });
    await page.goto(new URL(mailbox.linkIn(mail, '/help-request/')).pathname);
    await page.getByRole('heading', { name: 'Confirm your help request' }).waitFor();
    expect(mailbox.matching({ to: rachel.email, subject: 'Sign-in help request: Olivia Bennett' })).toEqual([]);
    await checkScreen(page, 'help-confirm-en');
    await page.getByRole('button', { name: 'Confirm my request' }).click();

    await status(page, 'Confirmed: the administrators of Bennett Advisers have your request.');
    await mailbox.waitFor({ to: rachel.email, subject: 'Sign-in help request: Olivia Bennett' });
  });

  test('the admin sees the request and turns her 2FA off, giving a reason', async () => {
    admin = await openPortal(browser, firm.host, { language: 'en' });
    await admin.goto('/sign-in');
    await signIn(admin, rachel);
    await admin.getByRole('link', { name: 'Requests for help' }).click();
    const request = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'Olivia Bennett' }) });
    await request.getByText('I lost my phone.').waitFor();
    await request.getByRole('button', { name: 'Disable two-factor authentication' }).click();
    await request.getByLabel('Reason').fill('Identity checked by phone.');
    await checkScreen(admin, 'help-requests-en');
    await request.getByRole('button', { name: 'Disable it for Olivia Bennett' }).click();

    await status(admin, 'Two-factor authentication is off for Olivia Bennett, who was told by email and signed out everywhere.');
    await admin.getByText('No open request.').waitFor();
    await mailbox.waitFor({ to: email, subject: 'Two-factor authentication turned off' });
  });

  test('the audit trail says who did it, for whom and why', async () => {
    await admin.getByRole('link', { name: 'Audit trail' }).click();
    const row = admin.getByRole('row').filter({ hasText: 'Olivia Bennett' });
    await row.waitFor();

    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(1)).toEqual(['Rachel Ward', 'Disabled two-factor authentication', 'Olivia Bennett', 'Identity checked by phone.']);
    await checkScreen(admin, 'audit-en');
  });

  test('her next sign-in needs her password alone, and brings the banner back', async () => {
    await page.goto('/sign-in');
    await signInToFirm();

    await page.getByRole('heading', { name: 'Hello, Olivia Bennett' }).waitFor();
    await page.getByText('Two-factor authentication is off.').waitFor();
    await banner().waitFor();
  });
});
