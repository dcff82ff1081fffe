import { cachedViewOf, storedViewOf } from './user-record';

describe('the cached view in a user record', () => {
  const company = { id: 'c1', name: 'Cabinet Aubert', hosts: ['aubert.example.com'], requireTotp: false };
  const record = (view: string) => `3\t${Date.now() + 60_000}\t\t${view}`;

  test("keeps a membership with the company's name for the member, or its null", () => {
    const members = { c1: { role: 'client' as const, name: 'Claire Martin', accounts: [] }, c2: { role: 'client' as const, name: null, accounts: [] } };

    const view = cachedViewOf(record(storedViewOf({ companies: [company], members })), Date.now(), 'u1');

    expect(view.members).toEqual(members);
  });

  test("drops a membership cached before the company's name was kept: it is asked for again", () => {
    const written = JSON.stringify({ companies: [company], members: { c1: { role: 'client', accounts: [] } } });

    expect(cachedViewOf(record(written), Date.now(), 'u1').members).toEqual({});
  });
});
