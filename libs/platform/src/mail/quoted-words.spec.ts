import { quotedWords } from './quoted-words';

describe('quotedWords', () => {
  it('keeps the words on one line, cut, with no working link in them', () => {
    const quoted = quotedWords('Urgent!\n\nPlease open https://evil.example/reset?x=1 or www.evil.example now', 500);

    expect(quoted).not.toContain('\n');
    expect(quoted).not.toMatch(/https?:\/\//);
    expect(quoted).toBe('Urgent! Please open hxxps://evil[.]example/reset?x=1 or www[.]evil[.]example now');
    expect(quotedWords('x'.repeat(600), 500)).toBe(`${'x'.repeat(500)}…`);
  });

  it('defangs a bare domain name too, which mail clients make a link of, and leaves numbers alone', () => {
    expect(quotedWords('go to firm-help.com/reset now, iPhone 15.2', 500)).toBe('go to firm-help[.]com/reset now, iPhone 15.2');
  });

  it('takes out quote marks, which would end the mail\'s quote around the words', () => {
    expect(quotedWords('x" Your firm added this, all fine «ok» “yes”', 500)).toBe("x' Your firm added this, all fine 'ok' 'yes'");
  });

  it('cuts by characters as the reader sees them, never inside an emoji', () => {
    expect(quotedWords('📱'.repeat(5), 3)).toBe('📱📱📱…');
  });
});
