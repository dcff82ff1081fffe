import { MfaPatterns, PasskeyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';

/** How the second step may be answered: the app's code (or a recovery code), or a passkey made for this host. */
export const SecondStepMethod = z.enum(['totp', 'passkey']);
export type SecondStepMethod = z.output<typeof SecondStepMethod>;

/**
 * Asked only when a sign-in reaches its second step, so that the password
 * sign-in of a user without 2FA pays nothing for it.
 */
@Injectable()
export class SecondStepMethods {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * On a company's host, a user with the code on is offered a passkey too,
   * whether she made one there or not: a passkey of that host is made only by
   * its company's clients, and a firm trying her password on other firms'
   * hosts would learn from it which of them she is a client of (flow.ts,
   * `code_then_refused`). The passkey options of that step name no passkey either.
   * @param totpEnabled when the caller already knows it
   */
  async of(userId: string, rpId: string, onCompanyHost: boolean, totpEnabled?: boolean): Promise<SecondStepMethod[]> {
    // Her passkeys there change nothing then: identity is not asked.
    if (totpEnabled && onCompanyHost) return ['totp', 'passkey'];
    const [enabled, passkeys] = await Promise.all([
      totpEnabled ?? this.rpc.request(MfaPatterns.factorStatus, { userId }).then((status) => status.enabled),
      this.rpc.request(PasskeyPatterns.list, { userId, rpId }),
    ]);
    const passkey = passkeys.length > 0 || (enabled && onCompanyHost);
    return [...(enabled ? (['totp'] as const) : []), ...(passkey ? (['passkey'] as const) : [])];
  }
}
