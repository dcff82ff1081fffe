import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { easyAccessBrowser } from '../support/factories';

interface Response {
  description: string;
  content?: Record<string, { schema?: { type?: string; anyOf?: unknown[]; properties?: Record<string, { enum?: string[] }> } }>;
}
type Paths = Record<string, Record<string, { responses: Record<string, Response> }>>;

/** Answers that are no JSON: the metrics' text and the logo's image. */
const NOT_JSON = ['GET /metrics', 'GET /api/portal/logo'];
const ROOT = join(__dirname, '../..');
/** A refusal with a body of its own: the readiness probe says which dependency is down. */
const OWN_REFUSAL = 'GET /health/ready 503';

/**
 * The OpenAPI document is the HTTP contract, and the portal's types are
 * generated from it: each answer is declared there, and the types the build
 * generated are those of the document /docs-json serves.
 */
describe('The OpenAPI document as the HTTP contract', () => {
  let paths: Paths;
  let document: unknown;
  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, ...operation })));

  beforeAll(async () => {
    document = (await easyAccessBrowser().get('/docs-json')).body;
    paths = (document as { paths: Paths }).paths;
  });

  test('every operation declares its success, and every 200 or 201 its JSON body', () => {
    const withoutSuccess = operations().filter(({ responses }) => !Object.keys(responses).some((status) => /^[23]/.test(status)));
    const bodiless = operations()
      .filter(({ route }) => !NOT_JSON.includes(route))
      .flatMap(({ route, responses }) =>
        ['200', '201'].filter((status) => responses[status] && !responses[status].content?.['application/json']?.schema).map((status) => `${route} ${status}`),
      );

    expect(operations().length).toBeGreaterThan(60);
    expect(withoutSuccess.map(({ route }) => route)).toEqual([]);
    expect(bodiless).toEqual([]);
  });

  test('every documented refusal gives the codes it may carry', () => {
    const refusals = operations().flatMap(({ route, responses }) =>
      Object.entries(responses)
        .filter(([status]) => Number(status) >= 400)
        .map(([status, response]) => ({ at: `${route} ${status}`, codes: response.content?.['application/json']?.schema?.properties?.error?.enum ?? [] })),
    );
    const login401 = refusals.find(({ at }) => at === 'POST /api/auth/login 401');

    expect(refusals.filter(({ codes }) => codes.length === 0).map(({ at }) => at)).toEqual([OWN_REFUSAL]);
    expect(login401?.codes).toEqual(['invalid_credentials', 'credentials_changed']);
  });

  // The build writes them from the document it builds without serving; .ci/run then checks the committed ones are those (git diff).
  test("the portal's types are generated from the document the gateway serves", () => {
    const directory = mkdtempSync(join(tmpdir(), 'openapi-'));
    writeFileSync(join(directory, 'openapi.json'), JSON.stringify(document));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), join(directory, 'openapi.json'), '--output', join(directory, 'openapi.d.ts')], { stdio: 'pipe' });

    expect(readFileSync(join(directory, 'openapi.d.ts'), 'utf8')).toBe(readFileSync(join(ROOT, 'apps/portal-web/src/api/openapi.d.ts'), 'utf8'));
  });
});
