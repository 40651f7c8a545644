// Seeded primitives shared by the seed builders. Every random draw in a fleet goes through one Rand,
// so the same seed and nowMs always give the same fleet; ids that must not depend on the order apps
// are built in (projects, the sandbox account) are hashed from names instead.
import { seededRandom, seededUuid } from '../state';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const clone = <T>(value: T): T => structuredClone(value);
export const iso = (ms: number): string => new Date(ms).toISOString();

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class Rand {
  constructor(private readonly next: () => number) {}
  static fromSeed(seed: number): Rand {
    return new Rand(seededRandom(seed));
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chars(length: number, alphabet: string = LOWER_ALNUM): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return s;
  }
  hex(length: number): string {
    return this.chars(length, '0123456789abcdef');
  }
  uuid(): string {
    return seededUuid(this.next);
  }
}

/** Stable per-name uuid (project ids), independent of the order apps are built in. */
export function stableUuid(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return seededUuid(seededRandom(h));
}

/** The sandbox has one account; both fleets belong to it. */
export const SANDBOX_OWNER_UUID = stableUuid('fleetdeck-sandbox-account');
export const projectIdFor = (tenantGroup: string): string => stableUuid(`project:${tenantGroup}`);
