import { acceptanceUrl, activationUrl } from './portal-links';

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

describe(acceptanceUrl.name, () => {
  it('ends with the token as the last path segment, escaped', () => {
    expect(acceptanceUrl('https://acme.example', 'abc_DEF-1/2')).toBe('https://acme.example/invitation/abc_DEF-1%2F2');
  });
});
