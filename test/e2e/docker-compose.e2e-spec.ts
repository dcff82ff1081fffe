import { ComposeService, composeServices } from '../support/compose-config';

const APPS = ['gateway', 'identity', 'mfa', 'tenancy'];
const SERVICES = ['identity', 'mfa', 'tenancy'];
const COLLECTOR = 'http://otel-collector:4318';

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

  test.each(SERVICES)('%s serves its metrics on a METRICS_PORT of its own', (service) => {
    const port = Number(services[service].environment?.METRICS_PORT);

    expect(Number.isInteger(port) && port > 0 && port < 65536).toBe(true);
  });

  test('tracing is off by default: the apps get an empty OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const endpoints = APPS.map((app) => services[app].environment?.OTEL_EXPORTER_OTLP_ENDPOINT);

    expect(endpoints).toEqual(APPS.map(() => ''));
  });

  test('the OTEL_EXPORTER_OTLP_ENDPOINT of .env reaches every app', () => {
    const configured = composeServices({ OTEL_EXPORTER_OTLP_ENDPOINT: COLLECTOR });

    expect(APPS.map((app) => configured[app].environment?.OTEL_EXPORTER_OTLP_ENDPOINT)).toEqual(APPS.map(() => COLLECTOR));
  });
});
