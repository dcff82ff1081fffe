import { FastifyRequest } from 'fastify';
import { HostPortal } from '../portal/host-portal';
import { AuthenticatedSession, SessionRecord } from './session';
import { endableHere, hostTagOf, worksHere } from './session-host';

const company = (id: string, ...hosts: string[]) => ({ id, name: id, hosts, requireTotp: false });
const firmA = company('firm-a', 'a.example', 'www.a.example');
const firmB = company('firm-b', 'b.example');
const requestOn = (hostname: string, portal: HostPortal) => ({ hostname, portal }) as FastifyRequest;
const onA = requestOn('a.example', { kind: 'company', company: firmA });

function webSession(companyId: string | null, issuedOn: FastifyRequest): AuthenticatedSession {
  const record = { kind: 'web', companyId, hostTag: hostTagOf(issuedOn) } as SessionRecord;
  return { id: 'session', record } as AuthenticatedSession;
}

describe(worksHere.name, () => {
  it('a web session of the host\'s company works on that host', () => {
    expect(worksHere(webSession(firmA.id, onA), onA)).toBe(true);
  });

  it('not on another host, even one of the same company', () => {
    expect(worksHere(webSession(firmA.id, onA), requestOn('www.a.example', { kind: 'company', company: firmA }))).toBe(false);
  });

  it("a web session in another firm, on a firm's host (switched there before such switches were refused), works no more", () => {
    expect(worksHere(webSession(firmB.id, onA), onA)).toBe(false);
  });

  it('on the easy access host, a session of any of the user\'s portals works', () => {
    const easy = requestOn('portal.example', { kind: 'easy_access' });

    expect(worksHere(webSession(firmB.id, easy), easy)).toBe(true);
    expect(worksHere(webSession(null, easy), easy)).toBe(true);
  });
});

describe(endableHere.name, () => {
  const onSecondName = requestOn('www.a.example', { kind: 'company', company: firmA });
  const onB = requestOn('b.example', { kind: 'company', company: firmB });

  it("on a firm's host, its sessions on each of the firm's names, the trailing-dot form included", () => {
    for (const issuedOn of [onA, onSecondName, requestOn('a.example.', { kind: 'company', company: firmA })]) {
      expect(endableHere(webSession(firmA.id, issuedOn).record, onA)).toBe(true);
    }
  });

  it("not those on another firm's host, nor those another firm made on a name since moved to this one", () => {
    expect(endableHere(webSession(firmB.id, onB).record, onA)).toBe(false);
    expect(endableHere(webSession(firmB.id, onSecondName).record, onA)).toBe(false);
  });

  it('on the easy access host, every web session', () => {
    expect(endableHere(webSession(firmB.id, onB).record, requestOn('portal.example', { kind: 'easy_access' }))).toBe(true);
  });
});
