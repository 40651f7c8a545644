// PLACEHOLDER — Supabase plan costs are being built.
import type { SupabaseCosts } from '../../../src-preload/contract';
import { ApiError } from '../../clients/http/apiError';

export class SupabaseCostsService {
  async getSupabaseCosts(): Promise<SupabaseCosts> {
    throw new ApiError({ code: 'internal', message: 'Supabase costs are not ready yet.' });
  }
}
