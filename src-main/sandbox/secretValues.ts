// App Platform never stores or returns a SECRET env in clear: a value sent in clear comes back
// encrypted as EV[1:…:…] on every later read. The sandbox does the same, so a client that shows
// what GET returns can never show a secret the founder typed.
import { createHash, randomBytes } from 'node:crypto';
import type { AppEnv, AppSpec } from '../clients/digitalocean/types';

const ENCRYPTED = /^EV\[[^\]]+\]$/;

export function encryptSecrets(spec: AppSpec): AppSpec {
  const next = structuredClone(spec);
  const lists: Array<AppEnv[] | undefined> = [
    next.envs,
    ...[next.services, next.workers, next.jobs, next.static_sites, next.functions].flatMap((components) =>
      (components ?? []).map((c) => (c as { envs?: AppEnv[] }).envs),
    ),
  ];
  for (const env of lists.flatMap((list) => list ?? [])) {
    if (env.type === 'SECRET' && typeof env.value === 'string' && env.value !== '' && !ENCRYPTED.test(env.value)) {
      env.value = encrypted(env.value);
    }
  }
  return next;
}

/** Lets a test see which clear value an EV[…] stands for without the sandbox keeping it. */
export function secretDigest(clear: string): string {
  return createHash('sha256').update(clear).digest('base64url').slice(0, 40);
}

function encrypted(clear: string): string {
  // Not encryption, only its shape: a random nonce and a digest that never reveals the value.
  return `EV[1:${randomBytes(18).toString('base64url')}:${secretDigest(clear)}]`;
}
