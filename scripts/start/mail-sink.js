'use strict';
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

/**
 * A local SMTP server that prints each mail (to, subject, text) through `print`,
 * so that activation and reset links can be clicked from the console.
 * It accepts anything without authentication: it listens on loopback only.
 */
async function startMailSink({ host, port }, print) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          print(`to ${mail.to?.text ?? '?'}: ${mail.subject ?? '(no subject)'}`);
          for (const line of (mail.text ?? '').trimEnd().split('\n')) print(`  ${line}`);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  }).catch((error) => {
    throw new Error(`the mail sink cannot listen on ${host}:${port} (${error.code}); set SMTP_URL to another mail server`);
  });
  return server;
}

module.exports = { startMailSink };
