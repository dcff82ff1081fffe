import { CompanyView, passedSecondFactor, ProvenFactor } from '@app/contracts';

/**
 * The one rule of "require 2FA", for the web sign-in, the switch of portal
 * and the mobile unlock: what enters is the session or device that passed a
 * second factor, not the user who has one. A user's factor enrolled after a
 * session was opened with the password alone does not vouch for that session.
 */
export function admits(company: Pick<CompanyView, 'requireTotp'>, factors: readonly ProvenFactor[]): boolean {
  return !company.requireTotp || passedSecondFactor(factors);
}
