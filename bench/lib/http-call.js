'use strict';
const http = require('node:http');

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One request to a local server with an explicit Host header (fetch cannot set
 * it, and Host is how the gateway picks the company).
 * @returns {Promise<{status: number, json: any, text: string, cookies: Record<string, string>, headers: object}>}
 */
function call(port, method, host, path, { body, headers = {} } = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const allHeaders = { ...headers, host };
  if (payload !== undefined) Object.assign(allHeaders, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers: allHeaders, agent, timeout: 30_000 });
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, text, json: parseJson(text), cookies: cookiesOf(response.headers), headers: response.headers }),
      );
    });
    request.end(payload);
  });
}

/** Like call(), but throws unless the status is the expected one. */
async function expectStatus(status, promise, what) {
  const answer = await promise;
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer;
}

function cookiesOf(headers) {
  const cookies = {};
  for (const line of headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const index = pair.indexOf('=');
    cookies[pair.slice(0, index).trim()] = pair.slice(index + 1).trim();
  }
  return cookies;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Runs `task` over `items` with at most `concurrency` in flight; keeps the order of results. */
async function mapLimit(items, concurrency, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

module.exports = { call, expectStatus, mapLimit };
