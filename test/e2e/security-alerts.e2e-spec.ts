import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { compactOf } from '../../apps/gateway/src/session/session-token';
import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  askedForHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  enrolTotp,
  Language,
  Member,
  memberWithTotp,
  signedInClient,
} from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { Mailbox, ReceivedMail, tokenOf } from '../support/mailbox';
import { MobileApp } from '../support/mobile-app';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { currentRun, sharedGateway } from '../support/run-context';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The relay looks every second: long enough for a duplicate to show. */
const QUIET_MS = 1500;

const subjects = {
  fr: {
    newSignIn: 'Nouvelle connexion à votre compte',
    passwordChanged: 'Votre mot de passe a été changé',
    passwordReset: 'Votre mot de passe a été réinitialisé',
    totpOn: "L'authentification à deux facteurs a été activée",
    totpOff: "L'authentification à deux facteurs a été désactivée",
    device: 'Un appareil mobile a été ajouté à votre compte',
    reset: 'Réinitialisation de votre mot de passe',
  },
  en: {
    newSignIn: 'New sign-in to your account',
    passwordChanged: 'Your password was changed',
    passwordReset: 'Your password was reset',
    totpOn: 'Two-factor authentication was turned on',
    totpOff: 'Two-factor authentication was turned off',
    device: 'A mobile device was added to your account',
    reset: 'Reset your password',
  },
} as const;

/**
 * The client's own security: every change that would let someone else in is
 * mailed to them at once, in their language, with a "this wasn't me" link
 * that shuts everyone out and starts a password reset.
 */
describe('Security alerts', () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let otherFirm: Company;

  /** A browser at its own address, with the User-Agent a real one sends. */
  const browser = (host: string, userAgent = CHROME_ON_LINUX): PortalClient =>
    browserOn(host, undefined, { sourceAddress: anotherMachineAddress(), headers: { 'user-agent': userAgent } });

  const signIn = async (client: PortalClient, member: Member): Promise<void> => {
    const answer = await client.post('/api/auth/login', credentialsOf(member));
    expect(answer.body.next).toBe('done');
  };

  /** The one alert of that subject: none more arrives after it. */
  const onlyAlert = async (member: Member, subject: string): Promise<ReceivedMail> => {
    const mail = await mailbox.waitFor({ to: member.email, subject });
    await sleep(QUIET_MS);
    expect(mailbox.matching({ to: member.email, subject })).toEqual([]);
    return mail;
  };

  const noAlert = async (member: Member, subject: string): Promise<void> => {
    await sleep(QUIET_MS);
    expect(mailbox.matching({ to: member.email, subject })).toEqual([]);
  };

  const expectNotMeLink = (mail: ReceivedMail, host: string): string => {
    const link = mailbox.linkIn(mail, '/not-me/');
    expect(new URL(link).hostname).toBe(host);
    return link;
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lemaire Conseil' });
    otherFirm = await createCompany({ name: 'Garnier Avocats' });
  });

  describe.each(['fr', 'en'] as Language[])('in %s', (language) => {
    const words = subjects[language];
    let claire: Member;
    let laptop: PortalClient;

    beforeAll(async () => {
      claire = await activeMember(firm, { language });
      laptop = browser(firm.host);
      await signIn(laptop, claire);
    });

    test('the first browser ever is no news; another one is alerted once, with browser, address, portal and time; it again, not', async () => {
      await noAlert(claire, words.newSignIn);

      const stranger = browser(firm.host, FIREFOX_ON_WINDOWS);
      await signIn(stranger, claire);
      const mail = await onlyAlert(claire, words.newSignIn);
      expect(mail.text).toMatch(language === 'fr' ? /^Bonjour\b/ : /^Hello\b/);
      expect(mail.text).toContain(language === 'fr' ? 'Navigateur : Firefox · Windows' : 'Browser: Firefox · Windows');
      expect(mail.text).toContain(language === 'fr' ? 'Portail : Lemaire Conseil' : 'Portal: Lemaire Conseil');
      expect(mail.text).toMatch(language === 'fr' ? /Adresse IP : \S+/ : /IP address: \S+/);
      expect(mail.text).toMatch(/\d{4}.*\(UTC\)/);
      expectNotMeLink(mail, sharedGateway().easyAccessHost);

      await signIn(stranger, claire);
      await signIn(laptop, claire);
      await noAlert(claire, words.newSignIn);
    });

    test("a browser's name is one the parser knows, never words of the User-Agent, which whoever signs in chooses", async () => {
      const crafted = browser(firm.host, 'Your firm: all fine, no action needed/1 https://firm-help.example/reset/1 x');
      await signIn(crafted, claire);

      const mail = await onlyAlert(claire, words.newSignIn);

      expect(mail.text).not.toContain('no action needed');
      expect(mail.text).not.toContain('firm-help');
      expect(mail.text).toContain(language === 'fr' ? 'Navigateur : inconnu' : 'Browser: unknown');
    });

    test('a password change is alerted once', async () => {
      const newPassword = `${claire.password}-2`;
      expect((await laptop.post('/api/me/password', { currentPassword: claire.password, newPassword })).status).toBe(204);
      claire = { ...claire, password: newPassword };

      expectNotMeLink(await onlyAlert(claire, words.passwordChanged), sharedGateway().easyAccessHost);
    });

    test('a password reset is alerted once', async () => {
      const page = browser(firm.host);
      expect((await page.post('/api/auth/password/forgot', { email: claire.email }, { headers: { 'accept-language': language } })).status).toBe(202);
      const reset = await mailbox.waitFor({ to: claire.email, subject: words.reset });
      const password = `${claire.password}-3`;
      expect((await page.post('/api/auth/password/reset', { token: tokenOf(mailbox.linkIn(reset, '/reset-password/')), password })).status).toBe(204);
      claire = { ...claire, password };

      expectNotMeLink(await onlyAlert(claire, words.passwordReset), sharedGateway().easyAccessHost);
    });

    test('2FA turned on, then off, is alerted once each', async () => {
      // On the easy access host, where the account's code is turned off.
      const session = browser(sharedGateway().easyAccessHost);
      await signIn(session, claire);
      await enrolTotp(session);
      await onlyAlert(claire, words.totpOn);

      expect((await session.delete('/api/me/totp', { json: { password: claire.password } })).status).toBe(204);
      await onlyAlert(claire, words.totpOff);
    });

    test('a mobile device registered is alerted once, with its name', async () => {
      await new MobileApp().signIn(credentialsOf(claire), '4821');

      const mail = await onlyAlert(claire, words.device);
      expect(mail.text).toContain(language === 'fr' ? "Appareil, tel que nommé par qui l'a ajouté : « iPhone de test »" : 'Device, as named by whoever added it: "iPhone de test"');
    });

    test("the device's name is whoever added it's words, not the mail's: quoted, cut short, its web address defanged", async () => {
      const app = new MobileApp();
      const { loginToken } = (await app.login(credentialsOf(claire))).body;
      const name = 'MAJ cabinet, voir https://aide.example/x puis ignorer ce message, rien à faire';
      expect((await app.post('/api/mobile/devices', { loginToken, pin: '4822', pinConfirmation: '4822', name, platform: 'ios' }, null)).status).toBe(201);

      const mail = await onlyAlert(claire, words.device);

      expect(mail.text).not.toContain('https://');
      expect(mail.text).not.toContain('ignorer');
      expect(mail.text).toContain(language === 'fr' ? '« MAJ cabinet, voir hxxps://aide[.]example/x… »' : '"MAJ cabinet, voir hxxps://aide[.]example/x…"');
    });
  });

  describe('the browsers Redis keeps', () => {
    const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    const keptBrowsersOf = (member: Member) => `${currentRun().redisKeyPrefix}browsers:{${compactOf(member.userId)}}`;

    beforeAll(() => redis.connect());
    afterAll(() => redis.disconnect());

    test('are kept only once one comes back: a browser seen once holds no key there', async () => {
      const anna = await activeMember(firm);
      const key = keptBrowsersOf(anna);
      const laptop = browser(firm.host);

      await signIn(laptop, anna);
      expect(await redis.exists(key)).toBe(0);

      await signIn(laptop, anna);
      expect(await redis.scard(key)).toBe(1);
      await signIn(browser(firm.host, FIREFOX_ON_WINDOWS), anna);
      expect(await redis.scard(key)).toBe(1);
    });

    // Identity's "lately", which lets her browsers by a lock on her email, counts on hearing of each at least monthly.
    test('go a month after the first was kept, however many are added since', async () => {
      const anna = await activeMember(firm);
      const key = keptBrowsersOf(anna);
      const laptop = browser(firm.host);
      await signIn(laptop, anna);
      await signIn(laptop, anna);
      // As if kept 29 days ago.
      await redis.pexpire(key, 86_400_000);

      const phone = browser(firm.host, FIREFOX_ON_WINDOWS);
      await signIn(phone, anna);
      await signIn(phone, anna);

      expect(await redis.scard(key)).toBe(2);
      expect(await redis.pttl(key)).toBeLessThanOrEqual(86_400_000);
    });
  });

  describe('"this wasn\'t me"', () => {
    let claire: Member;
    let admin: PortalClient;
    let otherAdmin: PortalClient;

    beforeAll(async () => {
      claire = await activeMember(firm, { name: 'Claire Morel' });
      await addMember(otherFirm, { email: claire.email, name: claire.name });
      admin = await signedInClient(firm, await activeMember(firm, { role: 'admin' }));
      otherAdmin = await signedInClient(otherFirm, await activeMember(otherFirm, { role: 'admin' }));
    });

    test('ends every session and device, mails a reset link, is audited in each of her firms, and works once', async () => {
      const hers = browser(firm.host);
      await signIn(hers, claire);
      const phone = new MobileApp();
      await phone.signIn(credentialsOf(claire), '4821');
      const intruder = browser(otherFirm.host, FIREFOX_ON_WINDOWS);
      await signIn(intruder, claire);
      const alert = await mailbox.waitFor({ to: claire.email, subject: subjects.fr.newSignIn });
      // A member of two firms gets her links on the easy access host, which names neither.
      const token = tokenOf(mailbox.linkIn(alert, '/not-me/'));
      const page = browser(firm.host);
      expect((await page.post('/api/auth/links/check', { token, purpose: 'not_me' })).body).toEqual({ usable: true });

      expect((await page.post('/api/auth/not-me', { token })).status).toBe(204);

      for (const ended of [hers, intruder]) expectError(await ended.get('/api/me'), 401, 'unauthenticated');
      expectError(await phone.get('/api/me'), 401);
      await mailbox.waitFor({ to: claire.email, subject: subjects.fr.reset, containing: '/reset-password/' });
      for (const [trail, company] of [[admin, firm], [otherAdmin, otherFirm]] as const) {
        const entries = (await trail.get('/api/admin/audit')).body as { action: string; actor: { email: string }; target: { email: string } }[];
        expect(entries.filter((entry) => entry.action === 'account.not_me')).toEqual([
          expect.objectContaining({ actor: expect.objectContaining({ email: claire.email }), target: expect.objectContaining({ email: claire.email }) }),
        ]);
        expect(JSON.stringify(entries)).not.toContain(company === firm ? otherFirm.name : firm.name);
      }

      expectError(await page.post('/api/auth/not-me', { token }), 400, 'invalid_token');
      expect((await page.post('/api/auth/links/check', { token, purpose: 'not_me' })).body).toEqual({ usable: false });
    });

    test('a double click is one report: one 204, the other told a report is under way (or, once it ended, that the link is used), and one entry in the trail', async () => {
      const ines = await activeMember(firm, { name: 'Inès Morel' });
      await signIn(browser(firm.host), ines);
      await signIn(browser(firm.host, FIREFOX_ON_WINDOWS), ines);
      const alert = await mailbox.waitFor({ to: ines.email, subject: subjects.fr.newSignIn });
      const token = tokenOf(mailbox.linkIn(alert, '/not-me/'));
      const page = browser(firm.host);

      const answers = await Promise.all([page.post('/api/auth/not-me', { token }), page.post('/api/auth/not-me', { token })]);

      const second = answers.find((answer) => answer.status !== 204)!;
      expect(answers.filter((answer) => answer.status === 204)).toHaveLength(1);
      if (second.status === 409) {
        expectError(second, 409, 'conflict');
        expect(second.headers['retry-after']).toBe('5');
      } else {
        expectError(second, 400, 'invalid_token');
      }
      const entries = (await admin.get('/api/admin/audit')).body as { action: string; target: { email: string } | null }[];
      expect(entries.filter((entry) => entry.action === 'account.not_me' && entry.target?.email === ines.email)).toHaveLength(1);
    });

    test("the admin's disable of 2FA, whose mail tells who acted, carries the link too", async () => {
      const paul = await memberWithTotp(firm, { name: 'Paul Morel' });
      await askedForHelp(firm, paul);
      const disabled = await admin.post(`/api/admin/users/${paul.userId}/mfa/disable`, { reason: 'Téléphone perdu' });
      expect(disabled.status).toBe(204);

      const mail = await mailbox.waitFor({ to: paul.email, subject: 'Authentification à deux facteurs désactivée' });
      // On the easy access host even for a client of one firm: the acting firm must not receive it (admin-disable-not-me-link).
      const token = tokenOf(expectNotMeLink(mail, sharedGateway().easyAccessHost));
      const again = await signedInClient(firm, paul);
      expect((await browser(firm.host).post('/api/auth/not-me', { token })).status).toBe(204);
      expectError(await again.get('/api/me'), 401, 'unauthenticated');
    });

    test('an unknown link is refused as a used one; no link at all is bad input', async () => {
      const page = browser(firm.host);

      expectError(await page.post('/api/auth/not-me', { token: 'A'.repeat(43) }), 400, 'invalid_token');
      expectError(await page.post('/api/auth/not-me', {}), 400, 'validation_failed');
      expectError(await page.post('/api/auth/not-me', { token: 'x'.repeat(201) }), 400, 'validation_failed');
    });
  });
});
