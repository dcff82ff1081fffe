'use strict';
const { createHash } = require('node:crypto');
const { call, expectStatus, mapLimit } = require('./http-call');
const { withClient } = require('./database');

/**
 * Clients of one firm: a firm's portal serves many clients, so its host is
 * one the gateway has seen (its host cache), as on a real portal. One per
 * person made every bench sign-in pay the host's lookup, which real portals
 * pay about once per firm and cache lifetime.
 */
const CLIENTS_PER_COMPANY = 10;
/** Person i of the population: one user, a client of company ⌈i / 10⌉ with an account of their own, reached at the company's host. */
const emailOf = (index) => `u${index}@bench.test`;
const companyOf = (index) => Math.ceil(index / CLIENTS_PER_COMPANY);
const hostOf = (index) => `co${companyOf(index)}.bench.test`;
/** The first person of company n. */
const firstClientOf = (company) => (company - 1) * CLIENTS_PER_COMPANY + 1;

/** People are added by whole companies: a range must start at a company's first client and end at its last. */
function wholeCompanies(from, to) {
  if ((from - 1) % CLIENTS_PER_COMPANY !== 0 || to % CLIENTS_PER_COMPANY !== 0) {
    throw new Error(`people ${from} to ${to}: ranges are whole companies of ${CLIENTS_PER_COMPANY} (BENCH_* population sizes must be multiples of ${CLIENTS_PER_COMPANY})`);
  }
}
/**
 * Person i's browser, as the product's `portal_browser` cookie names it: a
 * returning browser, so that a sign-in measures what a returning user costs
 * (a browser never seen is noted by identity and alerted by mail, once).
 */
const browserCookieOf = (index) => `portal_browser=${createHash('sha256').update(`bench-browser-${index}`).digest('base64url')}`;

/**
 * The first companies and members the way an operator creates them: companies,
 * accounts and members over the operator API, each member activated with the
 * token of their activation link.
 */
async function seedThroughOperatorApi(stack, { easyAccessHost, from, to, password, concurrency = 4 }) {
  wholeCompanies(from, to);
  const operator = (path, body) =>
    expectStatus(201, call(stack.port, 'POST', easyAccessHost, path, { body, headers: { authorization: `Bearer ${stack.operatorToken}` } }), `POST ${path}`);
  const companies = range(companyOf(from), companyOf(to));
  const made = new Map(
    await mapLimit(companies, concurrency, async (n) => {
      const { json: company } = await operator('/api/operator/companies', { name: `Bench company ${n}`, hosts: [hostOf(firstClientOf(n))] });
      return [n, company];
    }),
  );
  await mapLimit(range(from, to), concurrency, async (index) => {
    const company = made.get(companyOf(index));
    const { json: account } = await operator(`/api/operator/companies/${company.id}/accounts`, { name: `Bench account ${index}` });
    const { json: member } = await operator(`/api/operator/companies/${company.id}/members`, {
      email: emailOf(index),
      name: `Bench user ${index}`,
      role: 'client',
      accountIds: [account.id],
    });
    const token = new URL(member.activationUrl).pathname.split('/').filter(Boolean).pop();
    await expectStatus(204, call(stack.port, 'POST', hostOf(index), '/api/auth/activate', { body: { token, password } }), 'activate');
  });
}

/**
 * The rest of the population straight into the identity and tenancy schemas,
 * as their migrations define them: the operator API (one password hash per
 * member) would take hours for 100,000. Every user gets the same stored hash,
 * which costs a sign-in exactly what its own would.
 */
async function bulkInsertPopulation(databaseUrl, { from, to, storedHash, batch = 25_000 }) {
  wholeCompanies(from, to);
  await withClient(databaseUrl, async (client) => {
    // A batch is whole companies too: 25,000 is a multiple of CLIENTS_PER_COMPANY.
    for (let start = from; start <= to; start += batch) {
      const end = Math.min(to, start + batch - 1);
      await client.query(
        `with people as (
           select i, (i + $4::int - 1) / $4::int as n, gen_random_uuid() as user_id,
                  gen_random_uuid() as account_id, gen_random_uuid() as membership_id
           from generate_series($1::int, $2::int) as i
         ), firms as (
           select n, gen_random_uuid() as company_id from generate_series(($1::int + $4::int - 1) / $4::int, $2::int / $4::int) as n
         ), users as (
           insert into "identity"."users" ("id", "email", "name", "password_hash", "activated_at")
           select user_id, 'u' || i || '@bench.test', 'Bench user ' || i, $3, now() from people
         ), companies as (
           insert into "tenancy"."companies" ("id", "name") select company_id, 'Bench company ' || n from firms
         ), hosts as (
           insert into "tenancy"."company_hosts" ("host", "company_id", "position")
           select 'co' || n || '.bench.test', company_id, 0 from firms
         ), accounts as (
           insert into "tenancy"."accounts" ("id", "company_id", "name")
           select account_id, company_id, 'Bench account ' || i from people join firms using (n)
         ), memberships as (
           insert into "tenancy"."memberships" ("id", "company_id", "user_id", "role")
           select membership_id, company_id, user_id, 'client' from people join firms using (n)
         )
         insert into "tenancy"."account_accesses" ("membership_id", "account_id") select membership_id, account_id from people`,
        [start, end, storedHash, CLIENTS_PER_COMPANY],
      );
    }
    // Vacuumed as well as analysed: else Postgres's autovacuum, woken by the inserts, competes for
    // the cores during the next measure, which then says more about Postgres than about the product.
    await client.query('vacuum analyze "identity"."users", "tenancy"."companies", "tenancy"."company_hosts", "tenancy"."accounts", "tenancy"."memberships", "tenancy"."account_accesses"');
  });
}

/**
 * draw(count, population): `count` people of 1..population that no earlier
 * draw gave, so that groups never overlap.
 */
function peopleDrawer() {
  const taken = new Set();
  return (count, population) => {
    const chosen = [];
    const wanted = Math.min(count, population - [...taken].filter((index) => index <= population).length);
    while (chosen.length < wanted) {
      const index = 1 + Math.floor(Math.random() * population);
      if (taken.has(index)) continue;
      taken.add(index);
      chosen.push(index);
    }
    return chosen;
  };
}

async function countPopulation(databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      'select (select count(*) from "identity"."users")::int as users, (select count(*) from "tenancy"."companies")::int as companies',
    );
    return rows[0];
  });
}

/** People from..to, both included. */
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, offset) => from + offset);

module.exports = { CLIENTS_PER_COMPANY, emailOf, hostOf, firstClientOf, browserCookieOf, seedThroughOperatorApi, bulkInsertPopulation, countPopulation, peopleDrawer, range };
