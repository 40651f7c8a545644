// The sandbox's Supabase API served on a loopback port of its own, over the same state, with each
// request's headers and body. The shared sandbox server (server.ts) answers /supabase without
// reading the body, which applying a migration needs (its SQL, its Idempotency-Key); until it
// passes them on to answerThirdParty, tests that apply migrations over HTTP use this frame.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors, parseTarget, readBody, writeResponse } from '../http';
import type { SandboxState } from '../state';
import { answerThirdParty, SUPABASE_PREFIX } from '../thirdPartyApis';

export interface SupabaseFrame {
  /** The Supabase API's base URL, as a client is given it. */
  url: string;
  close(): Promise<void>;
}

export async function startSupabaseFrame(state: SandboxState): Promise<SupabaseFrame> {
  let base = '';
  const server = createServer((req, res) => {
    const answer = async () => {
      const url = parseTarget(req.url, base);
      if (!url?.pathname.startsWith(`${SUPABASE_PREFIX}/`)) return writeResponse(res, { status: 404 });
      const body = await readBody(req);
      if (body === Symbol.for('invalid-json'))
        return writeResponse(res, { status: 400, body: { message: 'Request body is not valid JSON.' } });
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const method = req.method ?? 'GET';
      writeResponse(
        res,
        answerThirdParty(state, method, url.pathname, token, url.searchParams, { headers: req.headers, body }),
      );
    };
    answer().catch(() => res.destroy());
  });
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}${SUPABASE_PREFIX}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
