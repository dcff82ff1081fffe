import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, Member, signedInClient } from '../support/factories';
import { PortalClient } from '../support/portal-client';

interface SessionView {
  id: string;
  kind: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
  device: string | null;
  address: string | null;
  factors: string[];
}

describe('A client reviews and ends their sessions', () => {
  let firm: Company;
  let member: Member;
  let laptop: PortalClient;
  let phoneBrowser: PortalClient;

  const sessionsOf = async (browser: PortalClient): Promise<SessionView[]> => {
    const listed = await browser.get('/api/me/sessions');
    expect(listed.status).toBe(200);
    return listed.body as SessionView[];
  };
  const currentOf = async (browser: PortalClient) => (await sessionsOf(browser)).find((session) => session.current)!;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Roux Gestion' });
    member = await activeMember(firm);
    laptop = await signedInClient(firm, member);
    phoneBrowser = await signedInClient(firm, member);
  });

  test('the list shows both web sessions, the one in use marked current', async () => {
    const sessions = await sessionsOf(laptop);

    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect(session).toEqual({
        id: expect.any(String),
        kind: 'web',
        createdAt: expect.any(String),
        lastSeenAt: expect.any(String),
        current: expect.any(Boolean),
        device: null,
        // Noted on a session's first signed-in request: the other browser has made none yet.
        address: session.current ? expect.any(String) : null,
        endableHere: true,
        factors: ['password'],
      });
      expect(Number.isNaN(Date.parse(session.createdAt))).toBe(false);
    }
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const fromPhone = await currentOf(phoneBrowser);
    const fromLaptop = await currentOf(laptop);
    expect(fromPhone.id).not.toBe(fromLaptop.id);
    expect(sessions.map((session) => session.id).sort()).toEqual([fromLaptop.id, fromPhone.id].sort());
  });

  test('ending the other session signs that browser out, and only that one', async () => {
    const other = await currentOf(phoneBrowser);

    const ended = await laptop.delete(`/api/me/sessions/${other.id}`);

    expect(ended.status).toBe(204);
    expect((await phoneBrowser.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await sessionsOf(laptop)).map((session) => session.id)).toEqual([(await currentOf(laptop)).id]);
  });

  test("a session that is not yours cannot be ended: 404", async () => {
    const stranger = await activeMember(firm);
    const strangerBrowser = await signedInClient(firm, stranger);
    const strangersSession = await currentOf(strangerBrowser);

    const ended = await laptop.delete(`/api/me/sessions/${strangersSession.id}`);

    expectError(ended, 404, 'not_found');
    expect((await strangerBrowser.get('/api/me')).status).toBe(200);
  });

  test('a session that has already ended cannot be ended: 404', async () => {
    const stranger = await activeMember(firm);
    const strangerBrowser = await signedInClient(firm, stranger);
    const { id } = await currentOf(strangerBrowser);
    await strangerBrowser.post('/api/auth/logout');

    const ended = await laptop.delete(`/api/me/sessions/${id}`);

    expectError(ended, 404, 'not_found');
  });
});
