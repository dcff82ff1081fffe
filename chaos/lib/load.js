'use strict';
const { codeForStep, stepAt } = require('../../bench/lib/totp');
const { signIn, enrollTotp, WITH_CODES } = require('./seed');
const { tokenIn } = require('./mail-catcher');

const WORKERS = 4;
const pickOne = (list) => list[Math.floor(Math.random() * list.length)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The mixed load: each worker draws a flow, weighted like a working day, and
 * runs it to its end or to its first refusal. A person is in one flow at a
 * time. What each acknowledged write was, is kept in `ledger` for the invariants.
 */
function mixedLoad({ send, companies, mailbox }) {
  const ledger = { invitations: [], disables: [], factors: new Map(), revokedSessions: [], flows: {} };
  const count = (flow, outcome) => {
    const entry = (ledger.flows[flow] ??= { started: 0, completed: 0 });
    entry[outcome] += 1;
  };
  const claim = (people) => {
    const free = people.filter((person) => !person.busy);
    if (free.length === 0) return null;
    const person = pickOne(free);
    person.busy = true;
    return person;
  };
  const flows = {
    async passwordSignIn(company) {
      const person = claim(company.clients.slice(WITH_CODES));
      if (!person) return null;
      try {
        const session = await signIn(send, person);
        if (session?.next !== 'done') return false;
        if (!(await send('GET', person.host, '/api/me', { cookie: session.cookie })).ok) return false;
        const switched = await send('POST', person.host, '/api/me/account', { cookie: session.cookie, body: { accountId: pickOne(company.accountIds) } });
        return switched.ok && (await send('GET', person.host, '/api/me', { cookie: session.cookie })).ok;
      } finally {
        person.busy = false;
      }
    },
    async codeSignIn(company) {
      // A code is good once per 30-second step: a person who used this step's waits for the next.
      const step = stepAt(Date.now());
      const person = claim(company.clients.slice(0, WITH_CODES).filter((candidate) => candidate.totpKey && candidate.lastStep < step));
      if (!person) return null;
      try {
        const session = await signIn(send, person);
        if (session?.next !== 'totp') return false;
        person.lastStep = step;
        const answered = await send('POST', person.host, '/api/auth/totp', { cookie: session.cookie, body: { code: codeForStep(person.totpKey, step) } });
        return answered.ok && (await send('GET', person.host, '/api/me', { cookie: sessionAfter(answered, session.cookie) })).ok;
      } finally {
        person.busy = false;
      }
    },
    async invitation(company) {
      const admin = await adminSession(company);
      if (!admin) return false;
      const email = `invited-${ledger.invitations.length}-${Date.now()}@chaos.test`;
      const entry = { companyId: company.id, email, userId: null, acknowledged: false };
      ledger.invitations.push(entry);
      const answer = await send('POST', company.host, '/api/admin/clients', { cookie: admin, body: { email, name: 'Chaos invitee', accountIds: company.accountIds }, expect: [201] });
      Object.assign(entry, { acknowledged: answer.ok, acknowledgedAt: answer.ok ? new Date().toISOString() : null, userId: answer.json?.userId ?? null });
      return answer.ok;
    },
    async disableAndEnrollAgain(company) {
      const person = claim(company.clients.slice(0, WITH_CODES).filter((candidate) => candidate.totpKey && candidate.lastStep < stepAt(Date.now())));
      if (!person) return null;
      try {
        const admin = await adminSession(company);
        const victim = await signInWithCode(person);
        if (!admin || !victim || !(await askedForHelp(person))) return false;
        const entry = { companyId: company.id, userId: person.userId, email: person.email, acknowledged: false };
        ledger.disables.push(entry);
        person.totpKey = null;
        // From here the factor may be gone, acknowledged or not: one is expected again only once re-enrolment is confirmed.
        ledger.factors.set(person.userId, { email: person.email, active: false });
        const answer = await send('POST', company.host, `/api/admin/users/${person.userId}/mfa/disable`, { cookie: admin, body: { reason: 'chaos' }, expect: [204] });
        Object.assign(entry, { acknowledged: answer.ok, acknowledgedAt: answer.ok ? new Date().toISOString() : null });
        if (!answer.ok) return false;
        ledger.revokedSessions.push({ by: 'admin disable', email: person.email, host: person.host, cookie: victim });
        const session = await signIn(send, person);
        if (session?.next !== 'done') return false;
        const enrolled = await enrollTotp(send, person, session.cookie);
        ledger.factors.set(person.userId, { email: person.email, active: enrolled });
        return enrolled;
      } finally {
        person.busy = false;
      }
    },
    async passwordReset(company) {
      const person = claim(company.clients.slice(WITH_CODES));
      if (!person) return null;
      try {
        const before = await signIn(send, person);
        if (before?.next !== 'done') return false;
        const mailsBefore = mailbox.to(person.email).length;
        const asked = await send('POST', person.host, '/api/auth/password/forgot', { body: { email: person.email }, expect: [202] });
        if (!asked.ok) return false;
        const mail = await waitForMail(mailbox, person.email, mailsBefore, '/reset-password/');
        if (!mail) return false;
        const reset = await send('POST', person.host, '/api/auth/password/reset', { body: { token: tokenIn(mail, '/reset-password/'), password: person.password }, expect: [204] });
        if (reset.ok) ledger.revokedSessions.push({ by: 'password reset', email: person.email, host: person.host, cookie: before.cookie });
        return reset.ok;
      } finally {
        person.busy = false;
      }
    },
  };
  async function signInWithCode(person) {
    const step = stepAt(Date.now());
    const session = await signIn(send, person);
    if (session?.next !== 'totp') return null;
    person.lastStep = step;
    const answered = await send('POST', person.host, '/api/auth/totp', { cookie: session.cookie, body: { code: codeForStep(person.totpKey, step) } });
    return answered.ok ? sessionAfter(answered, session.cookie) : null;
  }
  /**
   * The client's "no access to the app" request, from a sign-in stopped at the
   * code step, confirmed from the link mailed to them: the admin acts only in answer to one.
   */
  async function askedForHelp(person) {
    const signingIn = await signIn(send, person);
    if (signingIn?.next !== 'totp') return false;
    const mailsBefore = mailbox.to(person.email).length;
    if (!(await send('POST', person.host, '/api/auth/totp/help', { cookie: signingIn.cookie, body: {}, expect: [202] })).ok) return false;
    const mail = await waitForMail(mailbox, person.email, mailsBefore, '/help-request/');
    if (!mail) return false;
    const link = new URL(mail.links.find((candidate) => candidate.includes('/help-request/')));
    return (await send('POST', link.hostname, '/api/auth/totp/help/confirm', { body: { token: tokenIn(mail, '/help-request/') }, expect: [200] })).ok;
  }
  async function adminSession(company) {
    if (company.adminCookie && (await send('GET', company.host, '/api/me', { cookie: company.adminCookie, expect: [200, 401] })).status === 200) return company.adminCookie;
    const session = await signIn(send, company.admin);
    company.adminCookie = session?.next === 'done' ? session.cookie : null;
    return company.adminCookie;
  }
  // Weights: mostly reads and sign-ins; password resets are few, as the product mails at most 20 per address per hour.
  const deck = [...Array(6).fill('passwordSignIn'), ...Array(3).fill('codeSignIn'), 'invitation', 'invitation', 'disableAndEnrollAgain', 'passwordReset'];
  async function worker(deadline) {
    while (Date.now() < deadline) {
      const flow = pickOne(deck);
      if (flow === 'passwordReset' && (ledger.flows.passwordReset?.started ?? 0) >= 15) continue;
      // null: nobody was free for this flow (a code is good once per step), so it did not start.
      const completed = await flows[flow](pickOne(companies));
      if (completed !== null) count(flow, 'started');
      if (completed) count(flow, 'completed');
      await sleep(50);
    }
  }
  return { ledger, run: (seconds) => Promise.all(Array.from({ length: WORKERS }, () => worker(Date.now() + seconds * 1000))) };
}

/** The second factor passed, the gateway hands out a new session token (no fixation): the cookie to use from then on. */
const sessionAfter = (answer, cookie) => (answer.cookies.portal_session ? `portal_session=${answer.cookies.portal_session}` : cookie);

async function waitForMail(mailbox, email, already, marker) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mail = mailbox.to(email).slice(already).find((candidate) => candidate.links.some((link) => link.includes(marker)));
    if (mail) return mail;
    await sleep(200);
  }
  return null;
}

module.exports = { mixedLoad };
