'use strict';
const net = require('node:net');

/**
 * A TCP relay in front of Postgres that reads what clients send (the frontend
 * protocol) and reports each statement they run: a simple Query ('Q'), or an
 * Execute ('E') of the statement last parsed ('P') on that connection. Without
 * pg_stat_statements (which needs a server restart) this is how the bench
 * counts the SQL statements of a sign-in, with the services left untouched.
 */
async function startStatementTap({ target, onStatement }) {
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    let lastParsed = null;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          // The startup message (or an SSL request) has a length but no type byte.
          if (buffer.length < 4) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          started = code !== 80877103;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const type = String.fromCharCode(buffer[0]);
        const body = buffer.subarray(5, 1 + length);
        if (type === 'Q') onStatement(cString(body, 0));
        if (type === 'P') lastParsed = cString(body, body.indexOf(0) + 1);
        if (type === 'E') onStatement(lastParsed ?? '(a prepared statement)');
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        for (const socket of sockets) socket.destroy();
      }),
  };
}

const cString = (buffer, from) => buffer.toString('utf8', from, buffer.indexOf(0, from));

module.exports = { startStatementTap };
