import { matchPath } from './match-path';

describe(matchPath.name, () => {
  const sut = matchPath;

  test('a plain path matches itself, with or without a trailing slash', () => {
    expect(sut('/sign-in', '/sign-in')).toEqual({});
    expect(sut('/sign-in', '/sign-in/')).toEqual({});
    expect(sut('/', '/')).toEqual({});
  });

  test('a parameter takes the decoded segment', () => {
    expect(sut('/activate/:token', '/activate/abc%2Ddef')).toEqual({ token: 'abc-def' });
  });

  test('another path, an empty parameter or a broken escape match nothing', () => {
    expect(sut('/sign-in', '/sign-in/code')).toBeNull();
    expect(sut('/activate/:token', '/activate/')).toBeNull();
    expect(sut('/activate/:token', '/activate/%E0%A4')).toBeNull();
    expect(sut('/dashboard', '/')).toBeNull();
  });
});
