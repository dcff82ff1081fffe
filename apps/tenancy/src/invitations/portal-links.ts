/**
 * The portal's address: `linkOrigin` (the scheme and port the caller's users
 * reach) on the company's own host, so that links open the company's portal.
 */
export function portalAddress(linkOrigin: string, host: string): string {
  const address = new URL(linkOrigin);
  address.hostname = host;
  return address.origin;
}

/** The link that lets a new user choose a password; its last path segment is the token. */
export function activationUrl(portal: string, activationToken: string): string {
  return `${portal}/activate/${encodeURIComponent(activationToken)}`;
}
