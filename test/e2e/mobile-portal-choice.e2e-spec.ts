import { expectError } from '../support/api-error';
import { activate, addMember, browserOn, Company, createCompany, strongPassword, uniqueEmail } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { sharedGateway } from '../support/run-context';

/** A client of two companies chooses one in the app; the device remembers it. */
describe('Choosing the company on the mobile app', () => {
  const pin = '5820';
  const app = new MobileApp();
  const claire = { email: uniqueEmail('claire'), password: strongPassword() };
  let firm: Company;
  let otherFirm: Company;
  let strangerFirm: Company;
  const { port } = sharedGateway();
  const portalOf = (company: Company) => ({ id: company.id, name: company.name, url: `http://${company.host}:${port}` });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Morel Expertise' });
    otherFirm = await createCompany({ name: 'Morel Juridique' });
    strangerFirm = await createCompany({ name: 'Cabinet Inconnu' });
    const invitation = await addMember(firm, { email: claire.email, name: 'Claire Morel' });
    await activate(browserOn(firm.host), invitation.token!, claire.password);
    await addMember(otherFirm, { email: claire.email, name: 'Claire Morel' });
  });

  test('after the PIN the app is told to choose among the two portals', async () => {
    const registered = await app.signIn(claire, pin);

    expect(registered.body).toMatchObject({ next: 'select_portal' });
    expect(registered.body.portals).toEqual(expect.arrayContaining([portalOf(firm), portalOf(otherFirm)]));
    expect(registered.body.portals).toHaveLength(2);
  });

  test('a portal the user is no member of is refused with 403', async () => {
    expectError(await app.post('/api/me/portal', { portalId: strangerFirm.id }), 403, 'forbidden');
  });

  test('choosing with POST /api/me/portal answers Me in that portal', async () => {
    const chosen = await app.post('/api/me/portal', { portalId: otherFirm.id });

    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ user: { email: claire.email }, portal: portalOf(otherFirm) });
    expect((await app.get('/api/me')).body.portal).toEqual(portalOf(otherFirm));
  });

  test('the next unlock goes straight to that portal', async () => {
    const unlocked = await app.unlockWithPin(pin);

    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ next: 'done' });
    expect(unlocked.body.portals).toHaveLength(2);
    const me = await app.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.portal).toEqual(portalOf(otherFirm));
  });

  test('switching again is remembered too', async () => {
    expect((await app.post('/api/me/portal', { portalId: firm.id })).status).toBe(200);

    const unlocked = await app.unlockWithPin(pin);

    expect(unlocked.body).toMatchObject({ next: 'done' });
    expect((await app.get('/api/me')).body.portal).toEqual(portalOf(firm));
  });
});
