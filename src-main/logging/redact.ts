// Log lines and error messages pass through here: bearer tokens, token-looking strings and
// signed URL tokens are cut out before anything is written or shown.
const TOKEN_PATTERNS: RegExp[] = [
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\b(dop|doo|dor)_v1_[a-f0-9]{16,}\b/gi, // DigitalOcean personal/OAuth/refresh tokens
  /\bsbp_[A-Za-z0-9]{16,}\b/g, // Supabase personal access tokens
  /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, // GitHub tokens
];
/** Signed URLs (live log streams) carry their credential in the query. */
const SIGNED_QUERY = /([?&](?:token|access_token|signature|X-Amz-Signature)=)[^&\s"']+/gi;

const knownSecrets = new Set<string>();

/** Secrets known at run time (the tokens in use) are redacted wherever they appear. */
export function registerSecret(secret: string): void {
  // Also as it appears inside JSON (the activity log's lines): a quote or a newline is escaped there.
  if (secret.length >= 8) for (const form of [secret, JSON.stringify(secret).slice(1, -1)]) knownSecrets.add(form);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join('[redacted]');
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out.replace(SIGNED_QUERY, '$1[redacted]');
}
