import { createHash } from 'node:crypto';
import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, easyAccessBrowser } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { createPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/** The SHA-256 of the Android app's signing certificate: Android writes it, base64url, into the origin of the app's ceremonies. */
const certificateDigest = createHash('sha256').update('the DER bytes of the app signing certificate').digest();
const fingerprint = certificateDigest.toString('hex').toUpperCase().match(/../g)!.join(':');
const androidOrigin = `android:apk-key-hash:${certificateDigest.toString('base64url')}`;

/**
 * The easy access host names the app in its associated-domain files, so that
 * iOS and Android let the app use that host's passkeys: one made on the web
 * there signs in to the app.
 */
describe('The associated-domain files of the easy access host', () => {
  let own: OwnStack;
  let firm: Company;
  let easyAccess: PortalClient;

  beforeAll(async () => {
    own = await startOwnStack('well-known', {
      extraEnv: () => ({
        MOBILE_APPLE_APP_IDS: 'ABCDE12345.com.example.portal,FGHIJ67890.com.example.portal.beta',
        MOBILE_ANDROID_PACKAGE: 'com.example.portal',
        MOBILE_ANDROID_CERT_SHA256: fingerprint.toLowerCase(),
      }),
    });
    firm = await createCompany({ name: 'Lefèvre Audit' }, own.gateway);
    easyAccess = easyAccessBrowser(own.gateway);
  });

  afterAll(async () => {
    await own?.dispose();
  });

  test('apple-app-site-association lets the configured iOS apps use the passkeys (webcredentials), as application/json', async () => {
    const file = await easyAccess.get('/.well-known/apple-app-site-association');

    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/json/);
    expect(file.body).toEqual({ webcredentials: { apps: ['ABCDE12345.com.example.portal', 'FGHIJ67890.com.example.portal.beta'] } });
  });

  test('assetlinks.json names the Android package and its certificate, for passkeys and links', async () => {
    const file = await easyAccess.get('/.well-known/assetlinks.json');

    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/json/);
    expect(file.body).toEqual([
      {
        relation: ['delegate_permission/common.get_login_creds', 'delegate_permission/common.handle_all_urls'],
        target: { namespace: 'android_app', package_name: 'com.example.portal', sha256_cert_fingerprints: [fingerprint] },
      },
    ]);
  });

  test('a company\'s host serves neither: 404 not_found', async () => {
    const company = browserOn(firm.host, own.gateway);

    expectError(await company.get('/.well-known/apple-app-site-association'), 404, 'not_found');
    expectError(await company.get('/.well-known/assetlinks.json'), 404, 'not_found');
  });

  test('a passkey made on the web on the easy access host signs in to the Android app, whose origin is its certificate\'s hash', async () => {
    const member = await activeMember(firm);
    const keychain = new SoftwareAuthenticator();
    const browser = easyAccessBrowser(own.gateway);
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toMatchObject({ next: 'done' });
    expect((await createPasskey(browser, keychain)).status).toBe(201);

    const { answer } = await new MobileApp(own.gateway).loginWithPasskey(keychain, androidOrigin);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ loginToken: expect.any(String), next: 'create_pin' });
  });
  test('the Android app makes a passkey there itself, and only the app signed with the configured certificate', async () => {
    const member = await activeMember(firm);
    const app = new MobileApp(own.gateway);
    expect((await app.signIn(credentialsOf(member), '4826')).status).toBe(201);
    expect((await app.post('/api/me/portal', { portalId: firm.id })).status).toBe(200);
    const impostor = `android:apk-key-hash:${createHash('sha256').update('another app').digest('base64url')}`;

    expectError(await app.createPasskey(new SoftwareAuthenticator(), impostor), 400, 'passkey_rejected');
    expect((await app.createPasskey(new SoftwareAuthenticator(), androidOrigin)).status).toBe(201);
  });
});

describe('Without the app configured', () => {
  test('the easy access host serves neither file: 404 not_found', async () => {
    const easyAccess = easyAccessBrowser();

    expectError(await easyAccess.get('/.well-known/apple-app-site-association'), 404, 'not_found');
    expectError(await easyAccess.get('/.well-known/assetlinks.json'), 404, 'not_found');
  });

  test('the OpenAPI documents both files and their 404', async () => {
    const paths = (await easyAccessBrowser().get('/docs-json')).body.paths as Record<string, { get: { responses: Record<string, unknown> } }>;

    expect(Object.keys(paths['/.well-known/apple-app-site-association'].get.responses)).toEqual(expect.arrayContaining(['200', '404']));
    expect(Object.keys(paths['/.well-known/assetlinks.json'].get.responses)).toEqual(expect.arrayContaining(['200', '404']));
  });
});

