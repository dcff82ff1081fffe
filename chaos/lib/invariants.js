'use strict';
const { withClient } = require('../../bench/lib/database');

const DISABLED_SUBJECT = /Two-factor authentication turned off|Authentification à deux facteurs désactivée/;
const SAMPLES = 5;

function groupBy(list, keyOf) {
  const groups = new Map();
  for (const item of list) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

const verdict = (id, what, checked, failures) => ({
  id,
  what,
  checked,
  failed: failures.length,
  verdict: failures.length === 0 ? 'HOLDS' : 'FAILS',
  evidence: failures.slice(0, SAMPLES),
});

/** The invariants of issue 18, each with the number of cases checked and, when it fails, examples. */
async function checkInvariants({ record, ledger, databaseUrl, mailbox, send }) {
  const invitations = ledger.invitations.filter((entry) => entry.acknowledged);
  const disables = ledger.disables.filter((entry) => entry.acknowledged);
  return withClient(databaseUrl, async (db) => [
    verdict('answered', 'every request answered: no connection dropped by a live gateway', record.requests, record.dropped),
    verdict('failures', "every failure a 503 with Retry-After or a 429", record.requests, record.badFailures),
    verdict('invitations', 'every acknowledged invitation: present exactly once, until the new user answers it', invitations.length, await invitationRows(db, invitations)),
    verdict('audit', 'every acknowledged 2FA disable: its audit entry present exactly once', disables.length, await auditEntries(db, ledger.disables)),
    verdict('factors', 'every acknowledged 2FA confirmation: one active factor', ledger.factors.size, await factors(db, ledger.factors)),
    verdict('mails', 'every mail a committed change caused delivered exactly once (invitations, 2FA disables)', invitations.length + disables.length, mails(mailbox, invitations, ledger.disables)),
    verdict('revocations', 'no session alive that a revocation ended (admin disable, password reset)', ledger.revokedSessions.length, await aliveSessions(send, ledger.revokedSessions)),
  ]);
}

/** A new email's tie to the company is an invitation until she activates through its link (nobody does here). */
async function invitationRows(db, invitations) {
  const failures = [];
  for (const { companyId, userId, email } of invitations) {
    const { rows } = await db.query('select count(*)::int as n from "tenancy"."invitations" where "company_id" = $1 and "user_id" = $2', [companyId, userId]);
    if (rows[0].n !== 1) failures.push({ email, userId, invitations: rows[0].n });
  }
  return failures;
}

/** Acknowledged disables must each have their entry; an unanswered one may have written one too, never more. */
async function auditEntries(db, disables) {
  const failures = [];
  const byTarget = groupBy(disables, (entry) => `${entry.companyId}/${entry.userId}`);
  for (const [key, entries] of byTarget) {
    const [companyId, userId] = key.split('/');
    const acknowledged = entries.filter((entry) => entry.acknowledged).length;
    const { rows } = await db.query(
      `select count(*)::int as n from "tenancy"."audit_entries" where "company_id" = $1 and "target_user_id" = $2 and "action" = 'mfa.disabled'`,
      [companyId, userId],
    );
    if (rows[0].n < acknowledged || rows[0].n > entries.length) failures.push({ email: entries[0].email, acknowledged, attempted: entries.length, auditEntries: rows[0].n });
  }
  return failures;
}

async function factors(db, ledger) {
  const failures = [];
  for (const [userId, { email, active }] of ledger) {
    if (!active) continue;
    const { rows } = await db.query(`select count(*)::int as n from "mfa"."totp_factors" where "user_id" = $1 and "state" = 'active'`, [userId]);
    if (rows[0].n !== 1) failures.push({ email, activeFactors: rows[0].n });
  }
  return failures;
}

/**
 * Mails by Message-ID: a relay killed after the mail server accepted a mail, before it noted
 * so, sends it again under the same id, which mail servers and clients fold into one.
 */
function distinct(mails) {
  return new Set(mails.map((mail) => mail.messageId ?? mail)).size;
}

/** An acknowledged change's mail must have come once; an unanswered attempt may have mailed too, never more than once each. */
function mails(mailbox, invitations, disables) {
  const failures = [];
  for (const { email, acknowledgedAt } of invitations) {
    const received = distinct(mailbox.to(email));
    if (received !== 1) failures.push({ change: 'invitation', email, acknowledgedAt, mails: received });
  }
  for (const [email, entries] of groupBy(disables, (entry) => entry.email)) {
    const acknowledged = entries.filter((entry) => entry.acknowledged).length;
    const received = distinct(mailbox.to(email).filter((mail) => DISABLED_SUBJECT.test(mail.subject)));
    if (received < acknowledged || received > entries.length) {
      failures.push({ change: '2FA disable', email, acknowledged, attempted: entries.length, acknowledgedAt: entries.map((entry) => entry.acknowledgedAt), mails: received });
    }
  }
  return failures;
}

async function aliveSessions(send, revoked) {
  const failures = [];
  for (const session of revoked) {
    const answer = await send('GET', session.host, '/api/me', { cookie: session.cookie, expect: [401] });
    if (answer.status !== 401) failures.push({ by: session.by, email: session.email, status: answer.status });
  }
  return failures;
}

module.exports = { checkInvariants };
