'use strict';
const http = require('node:http');

/**
 * Calls the local gateway with node:http rather than fetch, because fetch does
 * not let a caller set Host, and Host is how the gateway picks the company.
 */
function gatewayHttp(port) {
  return function call(method, host, urlPath, body, extraHeaders = {}) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { ...extraHeaders, host: `${host}:${port}` };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    return new Promise((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, timeout: 10_000 });
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', reject);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text, json: parseJson(text) }));
      });
      request.end(payload);
    });
  };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Polls GET /health/ready; the error names what is still not ready. */
async function waitUntilReady(call, { host, port, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let problem = 'no answer yet';
  while (Date.now() < deadline) {
    const answer = await call('GET', host, '/health/ready').catch((error) => ({ error }));
    if (answer.status === 200) return;
    problem = answer.error
      ? `the gateway does not answer on 127.0.0.1:${port} (${answer.error.code ?? answer.error.message})`
      : `GET /health/ready answered ${answer.status}: ${answer.text}`;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s: ${problem}`);
}

module.exports = { gatewayHttp, waitUntilReady };
