// A loopback DNS server (UDP, dns-packet) answering from the sandbox's zones, so live checks use
// Node's real resolver against the demo fleet's DNS. Answers A, AAAA, CNAME and TXT; anything
// else gets an empty answer (NOTIMP would make resolvers retry elsewhere).
import { createSocket, type RemoteInfo } from 'node:dgram';

import {
  AUTHORITATIVE_ANSWER,
  RECURSION_AVAILABLE,
  RECURSION_DESIRED,
  decode,
  encode,
  type Answer,
  type Packet,
} from 'dns-packet';
import type { SandboxState } from '../state';
import { answerQuery, type QueryType } from './answers';

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
const ANSWERED: readonly string[] = ['A', 'AAAA', 'CNAME', 'TXT'];

export interface RunningDnsServer {
  /** "127.0.0.1:PORT", as Resolver.setServers takes it. */
  address: string;
  close(): Promise<void>;
}

export async function startDnsServer(state: SandboxState): Promise<RunningDnsServer> {
  const socket = createSocket('udp4');
  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    let reply: Buffer | undefined;
    try {
      reply = replyTo(state, message);
    } catch {
      // A question the zones cannot answer cleanly gets no answer; the resolver times out.
      return;
    }
    if (reply) socket.send(reply, from.port, from.address);
  });
  // A malformed datagram or a closed peer must not bring the sandbox down.
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    address: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function replyTo(state: SandboxState, message: Buffer): Buffer | undefined {
  let query: ReturnType<typeof decode>;
  try {
    query = decode(message);
  } catch {
    return undefined;
  }
  const question = query.questions?.[0];
  const base = { type: 'response' as const, id: query.id, questions: query.questions ?? [] };
  const flags = AUTHORITATIVE_ANSWER | RECURSION_AVAILABLE | ((query.flags ?? 0) & RECURSION_DESIRED);
  if (!question) return encode({ ...base, flags: flags | RCODE.REFUSED });
  if (!ANSWERED.includes(question.type)) return encode({ ...base, flags });

  const { rcode, answers } = answerQuery(state, question.name, question.type as QueryType);
  const packet: Packet = {
    ...base,
    flags: flags | RCODE[rcode],
    answers: answers.map((a): Answer =>
      a.type === 'TXT' ? { ...a, type: 'TXT', data: txtStrings(a.data) } : { ...a, type: a.type },
    ),
  };
  return encode(packet);
}

const MAX_CHARACTER_STRING_BYTES = 255;

/**
 * A TXT record's data as DNS character-strings: at most 255 bytes each in UTF-8 (what goes on the
 * wire), and never cutting a character in two, so each string decodes on its own.
 */
export function txtStrings(data: string): string[] {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const character of data) {
    const size = Buffer.byteLength(character);
    if (bytes + size > MAX_CHARACTER_STRING_BYTES) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += character;
    bytes += size;
  }
  if (current !== '' || out.length === 0) out.push(current);
  return out;
}
