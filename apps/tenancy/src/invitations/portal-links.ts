/** The link that lets a new user choose a password; its last path segment is the token. */
export function activationUrl(portal: string, activationToken: string): string {
  return `${portal}/activate/${encodeURIComponent(activationToken)}`;
}

/** The link by which a user who already has an account accepts to join; its last path segment is the token. */
export function acceptanceUrl(portal: string, invitationToken: string): string {
  return `${portal}/invitation/${encodeURIComponent(invitationToken)}`;
}
