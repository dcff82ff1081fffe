'use strict';
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

/** An SMTP sink on loopback that keeps every mail: recipient, subject, text and the links in it. */
async function startMailCatcher() {
  const mails = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          for (const { address } of session.envelope.rcptTo) {
            mails.push({ to: address.toLowerCase(), messageId: parsed.messageId ?? null, subject: parsed.subject ?? '', links: text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [], at: Date.now() });
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    mails,
    to: (email) => mails.filter((mail) => mail.to === email.toLowerCase()),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The token of the first mailed link whose path holds `marker`, e.g. '/reset-password/'. */
function tokenIn(mail, marker) {
  const link = mail.links.find((url) => url.includes(marker));
  return link ? new URL(link.replace(/[.,;]+$/, '')).pathname.split('/').filter(Boolean).pop() : null;
}

module.exports = { startMailCatcher, tokenIn };
