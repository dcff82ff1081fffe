/** The link that lets a new user choose a password, on `origin` (the easy access host's); its last path segment is the token. */
export function activationUrl(origin: string, activationToken: string): string {
  return `${origin}/activate/${encodeURIComponent(activationToken)}`;
}

/** The link by which a user who already has an account accepts to join, on `origin`; its last path segment is the token. */
export function acceptanceUrl(origin: string, invitationToken: string): string {
  return `${origin}/invitation/${encodeURIComponent(invitationToken)}`;
}
