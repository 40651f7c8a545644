// Signed log URLs: like DigitalOcean's, the credential is a token in the URL (no Bearer header),
// it names exactly one stream or archive, and it expires. HMAC-signed with a per-sandbox secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LogType } from '../../clients/digitalocean/client';

export const SIGNED_LOG_PREFIX = '/sandbox-logs/';
export const LIVE_PATH = `${SIGNED_LOG_PREFIX}live`;
export const ARCHIVE_PATH = `${SIGNED_LOG_PREFIX}archive`;

/** Long enough to open a socket or read an archive; a reconnect asks for a fresh URL. */
export const LOG_URL_TTL_MS = 5 * 60_000;

export interface LogGrant {
  kind: 'live' | 'archive';
  appId: string;
  deploymentId: string;
  type: LogType;
  /** Absent: every component of the deployment. */
  component?: string;
  tailLines?: number;
  /** Which archive file of several. */
  part?: number;
  /** Archives: the moment they were listed, so every part reads the same lines. */
  asOf?: number;
  /** Sandbox-clock epoch ms. */
  expiresAt: number;
}

export class LogUrlSigner {
  private readonly secret = randomBytes(32);

  sign(grant: LogGrant): string {
    const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The grant a token carries, if the signature holds and it has not expired. */
  verify(token: string | null, nowMs: number): { grant: LogGrant } | { refused: 'invalid' | 'expired' } {
    const [payload, mac] = (token ?? '').split('.');
    if (!payload || !mac) return { refused: 'invalid' };
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { refused: 'invalid' };
    let grant: LogGrant;
    try {
      grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LogGrant;
    } catch {
      return { refused: 'invalid' };
    }
    return grant.expiresAt < nowMs ? { refused: 'expired' } : { grant };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
