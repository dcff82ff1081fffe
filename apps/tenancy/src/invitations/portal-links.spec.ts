import { activationUrl, portalAddress } from './portal-links';

describe(portalAddress.name, () => {
  it('puts the company host in place of the origin host, keeping scheme and port', () => {
    expect(portalAddress('http://localhost:3000', 'acme.localhost')).toBe('http://acme.localhost:3000');
  });

  it('keeps a default port implicit', () => {
    expect(portalAddress('https://portal.example', 'acme.example')).toBe('https://acme.example');
  });

  it('drops any path of the origin', () => {
    expect(portalAddress('https://portal.example:8443/sign-in', 'acme.example')).toBe('https://acme.example:8443');
  });
});

describe(activationUrl.name, () => {
  it('ends with the token as the last path segment', () => {
    expect(activationUrl('http://acme.localhost:3000', 'abc_DEF-123')).toBe(
      'http://acme.localhost:3000/activate/abc_DEF-123',
    );
  });

  it('escapes characters that would break the path', () => {
    expect(activationUrl('https://acme.example', 'a/b?c')).toBe('https://acme.example/activate/a%2Fb%3Fc');
  });
});
