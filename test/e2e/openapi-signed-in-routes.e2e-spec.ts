import { easyAccessBrowser } from '../support/factories';

/** The OpenAPI document is the living contract: a route behind a session says what a caller without one gets. */
describe('The OpenAPI document of the signed-in routes', () => {
  test('every operation that needs a session documents its 401', async () => {
    const paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> = (await easyAccessBrowser().get('/docs-json')).body.paths;
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));
    const signedIn = operations.filter(({ operation }) => (operation.security ?? []).length > 0);

    expect(signedIn.length).toBeGreaterThan(20);
    expect(signedIn.filter(({ operation }) => !operation.responses['401']).map(({ route }) => route)).toEqual([]);
  });
});
