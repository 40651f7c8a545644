// Display names and badge initials for the providers an account can belong to.
import { ACCOUNT_PROVIDERS, type AccountProvider } from '../../../src-preload/contract';

export const PROVIDER_NAMES: Record<AccountProvider, string> = {
  digitalocean: 'DigitalOcean',
  supabase: 'Supabase',
  github: 'GitHub',
};

export const PROVIDER_INITIALS: Record<AccountProvider, string> = {
  digitalocean: 'DO',
  supabase: 'SB',
  github: 'GH',
};

export const PROVIDERS: readonly AccountProvider[] = ACCOUNT_PROVIDERS;
