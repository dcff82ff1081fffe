import { expectError } from '../support/api-error';
import { addMember, browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { PortalClient } from '../support/portal-client';

/**
 * "No access to the app" is limited to 5 requests an hour, each mailing the
 * user. Firm A, having caught Claire's password on its own host, used up the
 * hour's requests there: she could then ask none of her other firms for help,
 * and the 429 coming early told A that she had asked elsewhere. The limit now
 * counts per firm (and the easy access host's on its own).
 */
describe('The help requests one firm uses up leave the others her own', () => {
  let firmA: Company;
  let firmB: Company;
  let claire: TotpMember;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Aubry' });
    firmB = await createCompany({ name: 'Cabinet Besson' });
    claire = await memberWithTotp(firmA);
    await addMember(firmB, { email: claire.email });
  });

  const atCodeStep = async (host: string): Promise<PortalClient> => {
    const browser = browserOn(host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'totp' });
    return browser;
  };

  test("firm A's sixth request is refused, and Claire's first at firm B goes through", async () => {
    const atA = await atCodeStep(firmA.host);
    for (let asked = 0; asked < 5; asked++) expect((await atA.post('/api/auth/totp/help', {})).status).toBe(202);
    expectError(await atA.post('/api/auth/totp/help', {}), 429, 'rate_limited');

    const atB = await atCodeStep(firmB.host);

    expect((await atB.post('/api/auth/totp/help', { message: 'Téléphone perdu' })).status).toBe(202);
  });
});
