'use strict';
const { Client } = require('pg');

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlOf(database) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient(url, task) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** A connection to the server's own database that stays open, e.g. to read pg_stat_activity during a run. */
async function openAdminClient() {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  return client;
}

async function createDatabase(name) {
  await withClient(ADMIN_URL, (client) => client.query(`create database "${name}"`));
  return urlOf(name);
}

async function dropDatabase(name) {
  await withClient(ADMIN_URL, (client) => client.query(`drop database if exists "${name}" with (force)`));
}

module.exports = { createDatabase, dropDatabase, openAdminClient, urlOf, withClient };
