import { ComposeService, composeServices } from '../support/compose-config';

const APPS = ['gateway', 'identity', 'mfa', 'tenancy'];

describe('The docker-compose stack', () => {
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    services = composeServices();
  });

  test('runs the four apps', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(APPS));
  });

  test.each(APPS)('%s has a healthcheck', (app) => {
    const { healthcheck } = services[app];

    expect(healthcheck?.test).toBeDefined();
    expect(healthcheck?.disable).not.toBe(true);
    expect(healthcheck?.test).not.toEqual(['NONE']);
  });

  test('only the gateway publishes a port', () => {
    const publishing = Object.entries(services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);

    expect(publishing).toEqual(['gateway']);
  });
});
