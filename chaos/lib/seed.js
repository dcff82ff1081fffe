'use strict';
const { expectStatus } = require('../../bench/lib/http-call');
const { base32Decode, codeForStep, stepAt } = require('../../bench/lib/totp');
const { tokenIn } = require('./mail-catcher');

const PASSWORD = 'Chaos-Sign-In-2026!';
const COMPANIES = 2;
const CLIENTS_PER_COMPANY = 6;
/** The first clients of each company sign in with a code; the others with their password alone. */
const WITH_CODES = 3;

const hostOf = (company) => `co${company}.chaos.test`;
const emailOf = (company, person) => `c${company}-${person}@chaos.test`;

/**
 * Companies with two accounts, an admin and clients who can use both accounts,
 * created over the operator API and activated by the token of their activation
 * link, the way an operator and the people would; a few clients turn 2FA on.
 */
async function seed({ send, operatorToken, easyAccessHost }) {
  const operator = async (path, body) =>
    (await expectStatus(201, send('POST', easyAccessHost, path, { body, headers: { authorization: `Bearer ${operatorToken}` }, expect: [201] }), `POST ${path}`)).json;
  const companies = [];
  for (let index = 0; index < COMPANIES; index++) {
    const host = hostOf(index);
    const company = await operator('/api/operator/companies', { name: `Chaos company ${index}`, hosts: [host] });
    const accounts = [await operator(`/api/operator/companies/${company.id}/accounts`, { name: 'North' }), await operator(`/api/operator/companies/${company.id}/accounts`, { name: 'South' })];
    const accountIds = accounts.map((account) => account.id);
    const member = async (email, role) => {
      const created = await operator(`/api/operator/companies/${company.id}/members`, { email, name: `Chaos ${email.split('@')[0]}`, role, accountIds });
      await activate(send, host, tokenIn({ links: [created.activationUrl] }, '/'));
      return { email, userId: created.userId, host, companyId: company.id, password: PASSWORD, busy: false };
    };
    const admin = await member(`admin${index}@chaos.test`, 'admin');
    const clients = [];
    for (let person = 0; person < CLIENTS_PER_COMPANY; person++) clients.push(await member(emailOf(index, person), 'client'));
    companies.push({ id: company.id, host, accountIds, admin, clients });
  }
  return companies;
}

async function activate(send, host, token) {
  await expectStatus(204, send('POST', host, '/api/auth/activate', { body: { token, password: PASSWORD }, expect: [204] }), 'activate');
}

/** A password sign-in; `next` is 'done' or 'totp'. Null when the gateway did not let it through. */
async function signIn(send, person) {
  const answer = await send('POST', person.host, '/api/auth/login', { body: { email: person.email, password: person.password } });
  if (!answer.ok) return null;
  return { next: answer.json?.next, cookie: `portal_session=${answer.cookies.portal_session}` };
}

/** Turns 2FA on for a signed-in person: setup, then confirm with a code. Resolves true once confirmed (the acknowledged write). */
async function enrollTotp(send, person, cookie) {
  const setup = await send('POST', person.host, '/api/me/totp/setup', { cookie });
  if (!setup.ok) return false;
  const key = base32Decode(setup.json.secret);
  const step = stepAt(Date.now());
  const confirmed = await send('POST', person.host, '/api/me/totp/confirm', { cookie, body: { code: codeForStep(key, step) } });
  if (!confirmed.ok) return false;
  Object.assign(person, { totpKey: key, lastStep: step });
  return true;
}

module.exports = { seed, signIn, enrollTotp, PASSWORD, WITH_CODES };
