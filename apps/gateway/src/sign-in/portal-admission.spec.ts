import { admits } from './portal-admission';

describe(admits.name, () => {
  const strict = { requireTotp: true };
  const lax = { requireTotp: false };

  test.each([
    [lax, [], true],
    [lax, ['password'], true],
    [strict, ['password'], false],
    [strict, ['google'], false],
    [strict, ['password', 'totp'], true],
    [strict, ['google', 'recovery_code'], true],
  ] as const)('%j with %j: %s', (company, factors, admitted) => {
    expect(admits(company, factors)).toBe(admitted);
  });
});
