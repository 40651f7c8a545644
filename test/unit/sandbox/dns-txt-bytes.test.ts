// A TXT record travels as DNS character-strings of at most 255 bytes each. The sandbox's DNS
// server cuts a long record by UTF-8 bytes, never through a character, so a record with accents
// or emoji reaches the resolver whole and each piece decodes on its own.
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { decode, encode, RECURSION_DESIRED, type TxtAnswer } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { txtStrings } from '../../../src-main/sandbox/dns/dnsServer';
import { sandboxWithClient } from '../../support/sandbox';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const bytesOf = (text: string) => Buffer.byteLength(text);

/** The TXT character-strings the sandbox's DNS server sends for a name, as raw bytes. */
async function txtOnTheWire(server: string, name: string): Promise<Buffer[]> {
  const [host, port] = server.split(':');
  const udp = createSocket('udp4');
  try {
    udp.send(
      encode({ type: 'query', id: 7, flags: RECURSION_DESIRED, questions: [{ type: 'TXT', name }] }),
      Number(port),
      host,
    );
    const [reply] = (await once(udp, 'message')) as [Buffer];
    const answer = decode(reply).answers?.find((a): a is TxtAnswer => a.type === 'TXT');
    return (answer?.data ?? []) as Buffer[];
  } finally {
    udp.close();
  }
}

describe('TXT records longer than one DNS character-string', () => {
  it('reach the resolver in pieces of at most 255 bytes that each decode, and join to the record', async () => {
    const { sandbox, client } = await sandboxWithClient();
    // A 3-byte character straddling byte 255, 2-byte ones, then 4-byte ones (a UTF-16 pair each).
    const data = `${'a'.repeat(254)}€${'ü'.repeat(150)}${'🚀'.repeat(70)}`;
    await client.createDomainRecord('taskifai.com', { type: 'TXT', name: 'notes', data, ttl: 60 });

    const pieces = await txtOnTheWire(sandbox.dns.resolverServers[0]!, 'notes.taskifai.com');

    expect(pieces.length).toBe(4);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(255);
    expect(pieces.map((piece) => strictUtf8.decode(piece)).join('')).toBe(data);
  });

  it('cut by bytes, not UTF-16 units: a record that fits stays whole, an empty one is one empty string', () => {
    expect(txtStrings('v=spf1 include:_spf.google.com ~all')).toEqual(['v=spf1 include:_spf.google.com ~all']);
    expect(txtStrings('x'.repeat(255))).toEqual(['x'.repeat(255)]);
    expect(txtStrings('')).toEqual(['']);
    // 128 two-byte characters are 256 bytes though only 128 UTF-16 units.
    expect(txtStrings('é'.repeat(128)).map(bytesOf)).toEqual([254, 2]);
    expect(txtStrings('🚀'.repeat(64)).map(bytesOf)).toEqual([252, 4]);
  });
});
