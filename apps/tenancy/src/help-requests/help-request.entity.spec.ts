import { HELP_REQUEST_DAYS, standsFor } from './help-request.entity';

const DAY = 86_400_000;
const now = Date.parse('2026-12-05T10:00:00Z');
const request = (overrides: Partial<Parameters<typeof standsFor>[0]> = {}) => ({
  createdAt: new Date(now - DAY),
  credentialVersion: 3,
  confirmedAt: new Date(now - DAY + 60_000),
  ...overrides,
});

describe(standsFor.name, () => {
  test('a recent request, confirmed from the mailbox, under the same password: it stands', () => {
    expect(standsFor(request(), 3, now)).toBe(true);
  });

  test.each([
    ['not confirmed from the mailbox', request({ confirmedAt: null }), 3],
    ['a new password since', request(), 4],
    [`older than ${HELP_REQUEST_DAYS} days`, request({ createdAt: new Date(now - HELP_REQUEST_DAYS * DAY) }), 3],
    ['made before the version was kept', request({ credentialVersion: null }), 3],
  ])('%s: it does not', (_, asked, credentialVersion) => {
    expect(standsFor(asked, credentialVersion, now)).toBe(false);
  });
});
