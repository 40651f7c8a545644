// A project's API keys as GET /v1/projects/{ref}/api-keys lists them: the legacy anon and
// service_role JWTs and the new-style default publishable and secret keys. The CLI's recorded
// answers show what an unrevealed list holds: the JWTs and the publishable key whole, and the
// secret key cut to its first 15 characters (also its `prefix`) followed by a middle dot for each
// character withheld. The docs say nothing of this; the sandbox does what the recording shows.
import { createHash } from 'node:crypto';
import type { SupabaseOrganizationProject } from '../../clients/supabase/types';
import { seededRandom, seededUuid } from '../state';

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Not a signed JWT, only its shape: nothing in the sandbox verifies it. */
function legacyJwt(ref: string, role: 'anon' | 'service_role', issuedAt: number): string {
  const payload = { iss: 'supabase', ref, role, iat: issuedAt, exp: issuedAt + 10 * 365 * 86_400 };
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.${digest(`${ref}:${role}:jwt`)}`;
}

const newStyle = (kind: 'publishable' | 'secret', seed: string) =>
  `sb_${kind}_${digest(`${seed}:${kind}`).slice(0, 22)}_${digest(`${seed}:${kind}:check`).slice(0, 8)}`;

const SHOWN = 15;

export function apiKeysOf(project: SupabaseOrganizationProject, seed: string, reveal: boolean): object[] {
  const issuedAt = Math.floor(Date.parse(project.inserted_at) / 1000);
  const created = new Date(issuedAt * 1000).toISOString().replace('.000Z', 'Z');
  const random = seededRandom([...seed].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) >>> 0, 7));
  const legacy = (role: 'anon' | 'service_role') => {
    const key = legacyJwt(project.ref, role, issuedAt);
    const hash = digest(key);
    return {
      name: role,
      api_key: key,
      id: role,
      type: 'legacy',
      hash,
      prefix: hash.slice(0, 5),
      description: `Legacy ${role} API key`,
    };
  };
  const current = (kind: 'publishable' | 'secret') => {
    const key = newStyle(kind, seed);
    return {
      id: seededUuid(random),
      name: 'default',
      type: kind,
      api_key: kind === 'secret' && !reveal ? key.slice(0, SHOWN) + '·'.repeat(key.length - SHOWN) : key,
      description: null,
      secret_jwt_template: kind === 'secret' ? { role: 'service_role' } : null,
      hash: digest(key),
      prefix: key.slice(0, SHOWN),
      inserted_at: created,
      updated_at: created,
    };
  };
  return [legacy('anon'), legacy('service_role'), current('publishable'), current('secret')];
}
