// What a hostile or broken client puts on the wire, byte for byte: raw HTTP requests, a WebSocket
// upgrade done by hand, and frames no well-behaved client library would ever build.
import { randomBytes } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

const LOOPBACK = '127.0.0.1';
/** Long enough for a loopback server to answer; a server that hangs fails the test's assertion. */
const WAIT_MS = 2_000;

export interface RawAnswer {
  /** The status line's code, or undefined when the server closed without answering. */
  status?: number;
  text: string;
}

/** Writes `bytes` on a fresh connection and reads until the server closes it (or WAIT_MS). */
export async function rawExchange(
  port: number,
  bytes: string | Buffer,
  tls?: { servername: string },
): Promise<RawAnswer> {
  const socket = tls
    ? connectTls({ host: LOOPBACK, port, servername: tls.servername, rejectUnauthorized: false })
    : connectTcp(port, LOOPBACK);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  socket.write(bytes);
  await closedOrTimedOut(socket);
  const text = Buffer.concat(chunks).toString('latin1');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
  return { status: status ? Number(status) : undefined, text };
}

/** A request with just a Host header and Connection: close, plus whatever `extra` adds. */
export const request = (requestLine: string, extra = '') =>
  `${requestLine}\r\nHost: ${LOOPBACK}\r\nConnection: close\r\n${extra}\r\n`;

/** A socket after a WebSocket handshake done by hand, and every byte the server sent since. */
export interface UpgradedSocket {
  socket: Socket;
  received: Buffer[];
}

/** A proper WebSocket handshake over a bare socket; resolves once the server said 101. */
export async function upgradedSocket(
  port: number,
  target: string,
  headers: Record<string, string> = {},
): Promise<UpgradedSocket> {
  const socket = connectTcp(port, LOOPBACK);
  socket.on('error', () => undefined);
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(
    `GET ${target} HTTP/1.1\r\nHost: ${LOOPBACK}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extra.join('')}\r\n`,
  );
  const received: Buffer[] = [];
  let handshake: Buffer | undefined = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      if (!handshake) return void received.push(chunk);
      handshake = Buffer.concat([handshake, chunk]);
      const end = handshake.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = handshake.subarray(0, end).toString('latin1');
      // Frames the server sent right behind the handshake belong to the socket's story.
      received.push(handshake.subarray(end + 4));
      handshake = undefined;
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(`no upgrade: ${head.split('\r\n')[0]}`));
    });
    socket.once('close', () => reject(new Error('closed during the handshake')));
  });
  return { socket, received };
}

export interface FrameShape {
  opcode: number;
  payload?: Buffer;
  rsv1?: boolean;
  /** Clients must mask every frame; false builds the frame a server would send. */
  masked?: boolean;
  /** A length header that claims this many bytes, whatever the payload really is. */
  announcedLength?: number;
}

/** One final WebSocket frame, built by hand so it can break any rule. */
export function frame({ opcode, payload = Buffer.alloc(0), rsv1 = false, masked = true, announcedLength }: FrameShape) {
  const length = announcedLength ?? payload.length;
  const first = 0x80 | (rsv1 ? 0x40 : 0) | opcode;
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, maskBit | length]);
  else if (length < 65_536) header = Buffer.from([first, maskBit | 126, length >> 8, length & 0xff]);
  else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

export const textFrame = (text: string) => frame({ opcode: 0x1, payload: Buffer.from(text) });

/** Writes `bytes` on an open WebSocket and returns the close code of the server's close frame. */
export async function closeCodeAfter({ socket, received }: UpgradedSocket, bytes: Buffer): Promise<number | undefined> {
  const closeFrame = () => serverFrames(Buffer.concat(received)).find((f) => f.opcode === 0x8);
  socket.write(bytes);
  await closedOrTimedOut(socket, () => closeFrame() !== undefined);
  socket.destroy();
  const close = closeFrame();
  return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
}

/** The frames a server sent (unmasked), as far as they arrived whole. */
function serverFrames(data: Buffer): Array<{ opcode: number; payload: Buffer }> {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  while (at + 2 <= data.length) {
    let length = data[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > data.length) break;
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > data.length) break;
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > data.length) break;
    frames.push({ opcode: data[at]! & 0x0f, payload: data.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

async function closedOrTimedOut(socket: Socket, done?: () => boolean): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(finish, WAIT_MS);
    const check = () => {
      if (done?.()) finish();
    };
    function finish() {
      clearTimeout(timer);
      socket.off('data', check);
      resolve();
    }
    socket.on('data', check);
    socket.once('close', finish);
  });
}
