import { quotedWords } from './quoted-words';

describe('quotedWords', () => {
  it('keeps the words on one line, cut, with no working link in them', () => {
    const quoted = quotedWords('Urgent!\n\nPlease open https://evil.example/reset?x=1 or www.evil.example now', 500);

    expect(quoted).not.toContain('\n');
    expect(quoted).not.toMatch(/https?:\/\//);
    expect(quoted).toBe('Urgent! Please open hxxps://evil[.]example/reset?x=1 or www[.]evil[.]example now');
    expect(quotedWords('x'.repeat(600), 500)).toBe(`${'x'.repeat(500)}…`);
  });

  it('cuts by characters as the reader sees them, never inside an emoji', () => {
    expect(quotedWords('📱'.repeat(5), 3)).toBe('📱📱📱…');
  });
});
