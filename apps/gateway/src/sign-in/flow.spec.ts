import { CompanyView, DomainError, ErrorCode, ProvenFactor } from '@app/contracts';
import { SignInStage } from '../session/session';
import { appStep, choiceStage, entryAfterCredentials, memberPortal, portalOnUnlock, portalToSwitchTo, secondStage, stageAt } from './flow';

const company = (id: string, requireTotp = false): CompanyView => ({ id, name: id, hosts: [`${id}.example.com`], requireTotp });
const lax = company('lax');
const strict = company('strict', true);

const codeOf = (run: () => unknown): ErrorCode | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

describe(entryAfterCredentials.name, () => {
  test.each([
    ['a member on the company host', { kind: 'company', membership: lax }, [lax, strict], false, { next: 'portal', portal: lax }],
    ['a member on the company host, the code ahead', { kind: 'company', membership: lax }, [lax, strict], true, { next: 'portal', portal: lax }],
    ['no member on the company host, member elsewhere', { kind: 'company', membership: null }, [strict], false, { next: 'refused' }],
    ['no member on the company host, the code ahead', { kind: 'company', membership: null }, [strict], true, { next: 'code_then_refused' }],
    ['one portal on the easy access host', { kind: 'easy_access' }, [strict], true, { next: 'portal', portal: strict }],
    ['several portals on the easy access host', { kind: 'easy_access' }, [lax, strict], false, { next: 'select_portal', portals: [lax, strict] }],
    ['no portal on the easy access host, the code ahead', { kind: 'easy_access' }, [], true, { next: 'refused' }],
  ] as const)('%s', (_, host, memberships, codeAhead, entry) => {
    expect(entryAfterCredentials(host, memberships, codeAhead)).toEqual(entry);
  });
});

describe(choiceStage.name, () => {
  test.each<[boolean, ProvenFactor[], string]>([
    [false, ['password'], 'select_portal'],
    [true, ['password'], 'totp'],
    [true, ['google'], 'totp'],
    [true, ['password', 'totp'], 'select_portal'],
    [true, ['password', 'recovery_code'], 'select_portal'],
    [true, ['passkey'], 'select_portal'],
  ])('2FA on: %s, proved %j: %s', (totpEnabled, factors, stage) => {
    expect(choiceStage(totpEnabled, factors)).toBe(stage);
  });
});

describe(stageAt.name, () => {
  test.each<[CompanyView, boolean, ProvenFactor[], string]>([
    [lax, false, ['password'], 'done'],
    [lax, false, ['google'], 'done'],
    [lax, true, ['password'], 'totp'],
    [lax, true, ['google'], 'totp'],
    [strict, false, ['password'], 'totp_enroll'],
    [strict, false, ['google'], 'totp_enroll'],
    [strict, true, ['password'], 'totp'],
    [strict, true, ['password', 'totp'], 'done'],
    [strict, true, ['google', 'recovery_code'], 'done'],
    [lax, true, ['password', 'totp'], 'done'],
    [strict, false, ['passkey'], 'done'],
    [strict, true, ['passkey'], 'done'],
    [strict, true, ['password', 'passkey'], 'done'],
  ])('%j, 2FA on: %s, proved %j: %s', (portal, totpEnabled, factors, stage) => {
    expect(stageAt(portal, totpEnabled, factors)).toBe(stage);
  });
});

describe(secondStage.name, () => {
  test.each<[SignInStage, boolean, SignInStage]>([
    ['totp_enroll', true, 'totp'],
    ['totp_enroll', false, 'totp_enroll'],
    ['totp', true, 'totp'],
    ['totp', false, 'totp'],
    ['done', true, 'done'],
    ['select_portal', true, 'select_portal'],
  ])('%s, a passkey for this host: %s -> %s', (stage, passkeyHere, next) => {
    expect(secondStage(stage, passkeyHere)).toBe(next);
  });
});

describe(appStep.name, () => {
  test.each<[CompanyView[], boolean, string]>([
    [[], false, 'refused'],
    [[], true, 'refused'],
    [[lax], false, 'create_pin'],
    [[lax, strict], false, 'create_pin'],
    [[lax, strict], true, 'totp'],
    [[strict], true, 'totp'],
  ])('memberships %j, 2FA on: %s: %s', (memberships, totpEnabled, next) => {
    expect(appStep({ memberships, totpEnabled, factors: ['password'] })).toEqual({ next });
  });

  it('registers no device on the password alone where every portal requires 2FA: totp_required', () => {
    expect(codeOf(() => appStep({ memberships: [strict], totpEnabled: false, factors: ['password'] }))).toBe(ErrorCode.TotpRequired);
  });

  it('a passkey, or the code passed, opens a portal that requires 2FA', () => {
    expect(appStep({ memberships: [strict], totpEnabled: false, factors: ['passkey'] })).toEqual({ next: 'create_pin' });
    expect(appStep({ memberships: [strict], totpEnabled: true, factors: ['password', 'totp'] })).toEqual({ next: 'create_pin' });
  });
});

describe(memberPortal.name, () => {
  it('finds a portal of the user', () => {
    expect(memberPortal([lax, strict], 'strict')).toBe(strict);
  });

  it('refuses a portal of others as forbidden', () => {
    expect(codeOf(() => memberPortal([lax], 'strict'))).toBe(ErrorCode.Forbidden);
  });
});

describe(portalToSwitchTo.name, () => {
  it('enters a portal that requires 2FA only with a second factor proved by this session', () => {
    expect(codeOf(() => portalToSwitchTo([lax, strict], 'strict', ['password']))).toBe(ErrorCode.TotpRequired);
    expect(portalToSwitchTo([lax, strict], 'strict', ['password', 'totp'])).toBe(strict);
  });

  it('enters a lax portal with the password alone', () => {
    expect(portalToSwitchTo([lax, strict], 'lax', ['password'])).toBe(lax);
  });

  it('refuses a portal of others as forbidden, before any 2FA question', () => {
    expect(codeOf(() => portalToSwitchTo([lax], 'strict', ['password']))).toBe(ErrorCode.Forbidden);
  });
});

describe(portalOnUnlock.name, () => {
  test.each<[string, CompanyView[], string | null, ProvenFactor[], CompanyView | null]>([
    ['the portal chosen last time', [lax, strict], 'lax', ['password'], lax],
    ['the only portal', [lax], null, ['password'], lax],
    ['a choice among several', [lax, strict], null, ['password'], null],
    ['a choice when the last one is gone', [lax, strict], 'gone', ['password'], null],
    ['a choice instead of a strict portal the device did not pass 2FA for', [strict], 'strict', ['password'], null],
    ['a strict portal for a device that passed 2FA', [strict], 'strict', ['password', 'totp'], strict],
  ])('%s', (_, memberships, lastCompanyId, factors, portal) => {
    expect(portalOnUnlock(memberships, lastCompanyId, factors)).toBe(portal);
  });

  it('refuses a user who belongs to no portal any more', () => {
    expect(codeOf(() => portalOnUnlock([], null, ['password']))).toBe(ErrorCode.Forbidden);
  });
});
