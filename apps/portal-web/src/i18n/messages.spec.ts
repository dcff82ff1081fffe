import { en } from './en';
import { fr } from './fr';
import { pickLanguage } from './messages';

describe(pickLanguage.name, () => {
  const sut = pickLanguage;

  test('the language chosen with the switch wins over the browser', () => {
    expect(sut('en', ['fr-FR', 'fr'])).toBe('en');
    expect(sut('fr', ['en-US'])).toBe('fr');
  });

  test('otherwise the browser’s first French or English preference', () => {
    expect(sut(null, ['en-GB', 'fr'])).toBe('en');
    expect(sut(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(sut('klingon', ['EN-us'])).toBe('en');
  });

  test('French for a browser that asks for neither: the portal’s users speak French first', () => {
    expect(sut(null, ['de-DE', 'it'])).toBe('fr');
    expect(sut(null, [])).toBe('fr');
  });
});

describe('the French and English texts', () => {
  const keysOf = (messages: object): string[] =>
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'object' ? keysOf(value).map((inner) => `${key}.${inner}`) : [key],
    );

  test('say the same things', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });
});
