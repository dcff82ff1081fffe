import { expectError } from '../support/api-error';
import { browserOn, uniqueEmail } from '../support/factories';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';

/** The gateway's limit (apps/gateway/src/operator/operator.guard.ts): wrong tokens per address in 15 minutes. */
const WRONG_TOKENS_PER_ADDRESS = 10;

/**
 * The operator API answers on every host, to anyone who sends a bearer
 * token. The token is long and random where it is set up well; where it is
 * not, nothing stopped a stranger from trying tokens as fast as the gateway
 * answers. Wrong tokens are counted per address, and past the limit even
 * the right one waits: else the attacker would know the right guess by its answer.
 */
describe('Guessing the operator token is slowed down', () => {
  const from = (address: string, token: string): PortalClient =>
    browserOn(sharedGateway().easyAccessHost, undefined, { sourceAddress: address, headers: { authorization: `Bearer ${token}` } });
  const createCompanyAs = (client: PortalClient) => client.post('/api/operator/companies', { name: 'Guess', hosts: [`${uniqueEmail('guess').split('@')[0]}.test`] });

  test(`after ${WRONG_TOKENS_PER_ADDRESS} wrong tokens from one address, it answers 429 with Retry-After, even to the right token`, async () => {
    const address = anotherMachineAddress();
    for (let guess = 0; guess < WRONG_TOKENS_PER_ADDRESS; guess += 1) {
      expectError(await createCompanyAs(from(address, `guessed-operator-token-${guess}`)), 401, 'unauthenticated');
    }

    const limited = await createCompanyAs(from(address, 'guessed-operator-token-last'));
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expectError(await createCompanyAs(from(address, sharedGateway().operatorToken)), 429, 'rate_limited');
  });

  test('the operator, from another address, is not held up', async () => {
    expect((await createCompanyAs(from(anotherMachineAddress(), sharedGateway().operatorToken))).status).toBe(201);
  });
});
