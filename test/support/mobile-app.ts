import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { expectStatus } from './expect-status';
import { ClientOptions, PortalClient, PortalResponse } from './portal-client';
import { Gateway, sharedGateway } from './run-context';
import { HeldPasskey, SoftwareAuthenticator, Tampering } from './software-authenticator';

export interface RegisteredDevice {
  deviceId: string;
  deviceSecret: string;
}

export interface FaceIdKeys {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

/** An EC P-256 pair, as the Secure Enclave or StrongBox would make one. */
export function newFaceIdKeys(): FaceIdKeys {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

/** SPKI, base64 DER: what "enable Face ID" sends. */
export function spkiOf(keys: FaceIdKeys): string {
  return keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}

/** Base64 DER ECDSA-SHA256 over the UTF-8 bytes of the challenge. */
export function signChallenge(keys: FaceIdKeys, challenge: string): string {
  return sign('sha256', Buffer.from(challenge, 'utf8'), keys.privateKey).toString('base64');
}

/**
 * The mobile app: it calls the easy access host, sends no cookies, and
 * authenticates with `Authorization: Bearer`. It keeps what a phone keeps: the
 * device id and secret, its Face ID keys, and the latest access token.
 */
export class MobileApp {
  readonly client: PortalClient;
  readonly keys = newFaceIdKeys();
  device?: RegisteredDevice;
  /** The PIN the device was registered with, as the user remembers it. */
  pin?: string;
  accessToken?: string;
  /** Set-Cookie headers the gateway sent this app: there should be none. */
  readonly cookiesOffered: string[] = [];

  constructor(gateway: Gateway = sharedGateway(), options: ClientOptions = {}) {
    this.client = new PortalClient(gateway.easyAccessHost, gateway.port, options);
  }

  get deviceId(): string {
    if (!this.device) throw new Error('No device is registered on this app yet.');
    return this.device.deviceId;
  }

  /** With the latest access token unless told otherwise; `null` sends none, as before sign-in. */
  async post(path: string, body?: unknown, accessToken: string | null = this.accessToken ?? null): Promise<PortalResponse> {
    return this.kept(await this.client.post(path, body, { headers: this.authorization(accessToken) }));
  }

  async get(path: string, accessToken: string | null = this.accessToken ?? null): Promise<PortalResponse> {
    return this.kept(await this.client.get(path, { headers: this.authorization(accessToken) }));
  }

  async delete(path: string, accessToken: string | null = this.accessToken ?? null, body?: unknown): Promise<PortalResponse> {
    return this.kept(await this.client.delete(path, { json: body, headers: this.authorization(accessToken) }));
  }

  login(credentials: { email: string; password: string }): Promise<PortalResponse> {
    return this.post('/api/mobile/login', credentials, null);
  }

  /** Registers with the PIN typed twice; keeps the device and its first access token on success. */
  async register(loginToken: string, pin: string, pinConfirmation = pin): Promise<PortalResponse> {
    const body = { loginToken, pin, pinConfirmation, name: 'iPhone de test', platform: 'ios' };
    const registered = await this.post('/api/mobile/devices', body, null);
    if (registered.status === 201) {
      this.device = { deviceId: registered.body.deviceId, deviceSecret: registered.body.deviceSecret };
      this.pin = pin;
      this.accessToken = registered.body.accessToken;
    }
    return registered;
  }

  /** Email, password and PIN, for a user without 2FA: the app ready to use. */
  async signIn(credentials: { email: string; password: string }, pin: string): Promise<PortalResponse> {
    const login = expectStatus(await this.login(credentials), 200, 'mobile login');
    if (login.body.next !== 'create_pin') throw new Error(`mobile login: expected next "create_pin", got ${login.text}`);
    return expectStatus(await this.register(login.body.loginToken, pin), 201, 'register device');
  }

  /** Email, password, a code from the authenticator app (or a recovery code), then the PIN. */
  async signInWithSecondFactor(
    credentials: { email: string; password: string },
    secondFactor: { code: string } | { recoveryCode: string },
    pin: string,
  ): Promise<PortalResponse> {
    const login = expectStatus(await this.login(credentials), 200, 'mobile login');
    if (login.body.next !== 'totp') throw new Error(`mobile login: expected next "totp", got ${login.text}`);
    const verified = await this.post('/api/mobile/login/totp', { loginToken: login.body.loginToken, ...secondFactor }, null);
    expectStatus(verified, 200, 'mobile second factor');
    return expectStatus(await this.register(verified.body.loginToken, pin), 201, 'register device');
  }

  /**
   * The platform's passkey API answers the usernameless options. The origin
   * in clientDataJSON is what the platform writes: iOS the easy access host's
   * web origin (the default), Android its `android:apk-key-hash:…` origin.
   */
  async loginWithPasskey(
    authenticator: SoftwareAuthenticator,
    origin = this.client.origin,
    tampering: Tampering = {},
    passkey?: HeldPasskey,
  ): Promise<{ assertion: unknown; answer: PortalResponse }> {
    const options = expectStatus(await this.post('/api/mobile/login/passkey/options', undefined, null), 200, 'passkey options').body;
    const assertion = authenticator.assert(options, origin, tampering, passkey ?? authenticator.newestFor(options.rpId));
    return { assertion, answer: await this.post('/api/mobile/login/passkey', { response: assertion }, null) };
  }

  /** Signed in, the app makes a passkey for the easy access host through the web's routes, with its access token. */
  async createPasskey(authenticator: SoftwareAuthenticator, origin = this.client.origin): Promise<PortalResponse> {
    const options = expectStatus(await this.post('/api/me/passkeys/registration-options'), 200, 'passkey registration options').body;
    return this.post('/api/me/passkeys', { response: authenticator.create(options, origin) });
  }

  /** With the PIN the app was registered with, unless told otherwise. */
  async enableFaceId(pin = this.pin): Promise<PortalResponse> {
    return this.post(`/api/mobile/devices/${this.deviceId}/biometrics`, { publicKey: spkiOf(this.keys), deviceSecret: this.device?.deviceSecret, pin });
  }

  /** Keeps the new access token on success. */
  async unlockWithPin(pin: string, device = this.device): Promise<PortalResponse> {
    return this.unlock({ ...device, pin });
  }

  async challenge(): Promise<string> {
    const answer = await this.post('/api/mobile/unlock/challenge', { deviceId: this.deviceId, deviceSecret: this.device!.deviceSecret }, null);
    return expectStatus(answer, 200, 'challenge').body.challenge as string;
  }

  /** Face ID: a fresh challenge signed with the device's key (or another's). */
  async unlockWithFaceId(keys: FaceIdKeys = this.keys): Promise<PortalResponse> {
    const challenge = await this.challenge();
    return this.unlock({ ...this.device, challenge, signature: signChallenge(keys, challenge) });
  }

  async unlock(body: Record<string, unknown>): Promise<PortalResponse> {
    const unlocked = await this.post('/api/mobile/unlock', body, null);
    if (unlocked.status === 200) this.accessToken = unlocked.body.accessToken;
    return unlocked;
  }

  private authorization(accessToken: string | null): Record<string, string> {
    return accessToken ? { authorization: `Bearer ${accessToken}` } : {};
  }

  private kept(response: PortalResponse): PortalResponse {
    this.cookiesOffered.push(...(response.headers['set-cookie'] ?? []));
    // A phone's HTTP client keeps no cookie jar here: every call stands on its bearer token alone.
    this.client.cookies.clear();
    return response;
  }
}
