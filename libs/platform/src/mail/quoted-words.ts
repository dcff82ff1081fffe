/**
 * Words typed by someone the mail cannot vouch for (a help request's
 * message, a device's name), quoted so that they cannot pass for the mail's
 * own: on one line, cut at `atMost` characters, and with any web address
 * defanged (hxxps://example[.]com), so that the mail carries no link but ours.
 */
export function quotedWords(words: string, atMost: number): string {
  const line = words.replace(/\s+/g, ' ').trim();
  // By code points: an emoji cut in half would reach the mail as a replacement character.
  const points = Array.from(line);
  const cut = points.length > atMost ? `${points.slice(0, atMost).join('')}…` : line;
  return cut.replace(/\b(?:https?:\/\/|www\.)\S+/gi, (address) => address.replace(/^http/i, 'hxxp').replace(/\./g, '[.]'));
}
