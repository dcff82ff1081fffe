/** A web address, or a bare domain name that mail clients make a link of (`firm-help.com`, `www.example.org/x`). */
const ADDRESS = /\b(?:https?:\/\/\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}\b\S*)/gi;
/** Marks that would end the mail's quote around the words, and let the rest read as the mail's own. */
const QUOTE_MARKS = /["«»“”„]/g;

/**
 * Words typed by someone the mail cannot vouch for (a help request's
 * message, a device's name), made fit to quote so that they cannot pass for
 * the mail's own: on one line, cut at `atMost` characters, without quote
 * marks (the mail puts its own around them), and with every web address or
 * domain name defanged (hxxps://example[.]com), so that the mail carries no
 * link but ours.
 */
export function quotedWords(words: string, atMost: number): string {
  const line = words.replace(/\s+/g, ' ').trim().replace(QUOTE_MARKS, "'");
  // By code points: an emoji cut in half would reach the mail as a replacement character.
  const points = Array.from(line);
  const cut = points.length > atMost ? `${points.slice(0, atMost).join('')}…` : line;
  return cut.replace(ADDRESS, (address) => address.replace(/^http/i, 'hxxp').replace(/\./g, '[.]'));
}
