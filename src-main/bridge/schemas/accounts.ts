// Request schemas of the accounts domain. A token is bounded in size and shape, never logged.
import { z } from 'zod';
import { ACCOUNT_PROVIDERS, type AccountsMethods, type AccountsStreams } from '../../../src-preload/contract';
import { none } from './shared';
import type { MethodSchemas, StreamSchemas } from './types';

const provider = z.enum(ACCOUNT_PROVIDERS);
const context = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,31}$/, 'a context name is up to 32 letters, digits, spaces, dots, dashes');
const anyContext = z.string().min(1).max(40);
const key = { provider, context: anyContext };

export const accountsMethodSchemas = {
  listAccounts: none,
  addAccount: z.strictObject({
    provider,
    context,
    label: z.string().max(60).optional(),
    token: z
      .string()
      .trim()
      .min(8, 'the token looks too short')
      .max(512)
      .regex(/^[\x21-\x7e]+$/, 'a token has no spaces or special characters'),
    memoryOnly: z.boolean().optional(),
  }),
  revalidateAccount: z.strictObject(key),
  renameAccount: z.strictObject({ ...key, label: z.string().trim().min(1).max(60) }),
  removeAccount: z.strictObject(key),
  switchContext: z.strictObject({ context: anyContext }),
} satisfies MethodSchemas<AccountsMethods>;

export const accountsStreamSchemas = {
  watchAccounts: none,
} satisfies StreamSchemas<AccountsStreams>;
