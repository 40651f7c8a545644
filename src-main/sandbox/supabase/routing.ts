// How the sandbox's Supabase endpoints are declared: a path template as the spec writes it, the
// scope its rate limit counts in, and a handler that sees the world already settled to now.
import type { IncomingHttpHeaders } from 'node:http';
import { json, type SandboxResponse } from '../http';
import { findProject, type FoundProject, type SupabaseWorld } from './world';

export interface SupabaseCall {
  world: SupabaseWorld;
  now: number;
  /** Path parameters in template order ({slug}, {ref}, {version}). */
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  readOnly: boolean;
}

export interface SupabaseRoute {
  method: string;
  /** As the spec spells the path, e.g. /v1/projects/{ref}/health; also names the rate-limit bucket. */
  template: string;
  pattern: RegExp;
  handler: (call: SupabaseCall) => SandboxResponse;
}

export function route(method: string, template: string, handler: SupabaseRoute['handler']): SupabaseRoute {
  const source = template.replace(/\{\w+\}/g, '([^/]+)');
  return { method, template, pattern: new RegExp(`^${source}$`), handler };
}

/** Every error of this API is `{message}` (the CLI's recorded answers); the spec gives them no body. */
export const message = (status: number, text: string): SandboxResponse => json(status, { message: text });

const REF = /^[a-z]{20}$/;

/**
 * Runs `answer` on the project the path names. The spec bounds a ref to 20 lowercase letters;
 * the API's words for a malformed or unknown ref are undocumented, so these are ours.
 */
export function withProject(call: SupabaseCall, answer: (found: FoundProject) => SandboxResponse): SandboxResponse {
  const ref = call.params[0] ?? '';
  if (!REF.test(ref)) return message(400, 'Invalid project ref: it must be 20 lowercase letters.');
  const found = findProject(call.world, ref);
  if (!found) return message(404, `Project ${ref} not found`);
  return answer(found);
}

/** A change asked of a read-only token: the API's 403 ("Forbidden action"); its body is undocumented. */
export const forbidden = () => message(403, 'Forbidden action: this access token may only read.');
