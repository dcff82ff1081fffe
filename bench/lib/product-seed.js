'use strict';
const { createHash } = require('node:crypto');
const { call, expectStatus, mapLimit } = require('./http-call');
const { withClient } = require('./database');

/** Person i of the population: one user, member (client) of company i, reached at its own host. */
const emailOf = (index) => `u${index}@bench.test`;
const hostOf = (index) => `co${index}.bench.test`;
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
  const operator = (path, body) =>
    expectStatus(201, call(stack.port, 'POST', easyAccessHost, path, { body, headers: { authorization: `Bearer ${stack.operatorToken}` } }), `POST ${path}`);
  const indexes = Array.from({ length: to - from + 1 }, (_, offset) => from + offset);
  await mapLimit(indexes, concurrency, async (index) => {
    const { json: company } = await operator('/api/operator/companies', { name: `Bench company ${index}`, hosts: [hostOf(index)] });
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
  await withClient(databaseUrl, async (client) => {
    for (let start = from; start <= to; start += batch) {
      const end = Math.min(to, start + batch - 1);
      await client.query(
        `with people as (
           select i, gen_random_uuid() as user_id, gen_random_uuid() as company_id,
                  gen_random_uuid() as account_id, gen_random_uuid() as membership_id
           from generate_series($1::int, $2::int) as i
         ), users as (
           insert into "identity"."users" ("id", "email", "name", "password_hash", "activated_at")
           select user_id, 'u' || i || '@bench.test', 'Bench user ' || i, $3, now() from people
         ), companies as (
           insert into "tenancy"."companies" ("id", "name") select company_id, 'Bench company ' || i from people
         ), hosts as (
           insert into "tenancy"."company_hosts" ("host", "company_id", "position")
           select 'co' || i || '.bench.test', company_id, 0 from people
         ), accounts as (
           insert into "tenancy"."accounts" ("id", "company_id", "name") select account_id, company_id, 'Bench account ' || i from people
         ), memberships as (
           insert into "tenancy"."memberships" ("id", "company_id", "user_id", "role")
           select membership_id, company_id, user_id, 'client' from people
         )
         insert into "tenancy"."account_accesses" ("membership_id", "account_id") select membership_id, account_id from people`,
        [start, end, storedHash],
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

module.exports = { emailOf, hostOf, browserCookieOf, seedThroughOperatorApi, bulkInsertPopulation, countPopulation, peopleDrawer };
