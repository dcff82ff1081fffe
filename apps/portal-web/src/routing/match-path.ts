/** The params of `path` for a pattern like `/activate/:token`, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split('/');
  const actual = (path.length > 1 ? path.replace(/\/+$/, '') : path).split('/');
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    if (!part.startsWith(':')) {
      if (part !== actual[index]) return null;
      continue;
    }
    const value = decodeSegment(actual[index]);
    if (!value) return null;
    params[part.slice(1)] = value;
  }
  return params;
}

/** A hand-edited address may hold a broken escape (`%E0%A4`): it matches nothing rather than breaking the page. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
