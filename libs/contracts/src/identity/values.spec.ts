import { Email } from './values';

describe('Email', () => {
  test.each([
    ['claire@example.com', 'claire@example.com'],
    ['  Claire.Durand+portal@Example.COM ', 'claire.durand+portal@example.com'],
    ['élise@exemple.fr', 'élise@exemple.fr'],
    ['user@bücher.de', 'user@bücher.de'],
    ['用户@例子.广告', '用户@例子.广告'],
    ["o'neil@example.com", "o'neil@example.com"],
  ])('accepts %j as %j', (input, expected) => {
    expect(Email.parse(input)).toBe(expected);
  });

  test('compares addresses in NFC: a decomposed é is the composed one', () => {
    expect(Email.parse('e\u0301lise@exemple.fr')).toBe('élise@exemple.fr');
  });

  test.each([
    '<x@example.com>',
    'a,b@example.com',
    '"a b"@example.com',
    '"ab"@example.com',
    'a@example.com, b@example.com',
    'a@example.com;b@example.com',
    'Name <x@example.com>',
    'a b@example.com',
    'a@example.com\nbcc: b@example.com',
    'a@b@example.com',
    'a(comment)@example.com',
    'a\\b@example.com',
    'a:b@example.com',
    'a@[127.0.0.1]',
    'a@127.0.0.1',
    'a@localhost',
    '.a@example.com',
    'a..b@example.com',
    'a.@example.com',
    'a@-example.com',
    'a@example-.com',
    'a@example..com',
    '@example.com',
    'a@',
    `${'a'.repeat(65)}@example.com`,
  ])('refuses %j', (input) => {
    expect(Email.safeParse(input).success).toBe(false);
  });
});
