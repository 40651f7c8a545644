// Draws Fleetdeck's icon and writes it as PNGs: icon.png (1024 px, which electron-builder turns
// into the macOS .icns and the Windows .ico) and png/NxN.png for Linux. Shapes are signed distance
// fields evaluated at each size, not a 1024 px image scaled down, so 16 and 32 px stay crisp.
// Run `node resources/icons/render.mjs` after changing the drawing; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

// The drawing, in a 0..1 square: a rounded tile in night blue to teal, and three stacked cards
// (the deck of a fleet of apps), the front one with a green "healthy" light.
const TILE = { cx: 0.5, cy: 0.5, hw: 0.41, hh: 0.41, r: 0.095 };
const CARDS = [
  { cx: 0.5, cy: 0.335, hw: 0.215, hh: 0.062, r: 0.03, color: [125, 211, 252], alpha: 0.55 },
  { cx: 0.5, cy: 0.5, hw: 0.25, hh: 0.068, r: 0.034, color: [186, 230, 253], alpha: 0.8 },
  { cx: 0.5, cy: 0.67, hw: 0.285, hh: 0.075, r: 0.038, color: [248, 250, 252], alpha: 1 },
];
const LIGHT = { cx: 0.33, cy: 0.67, r: 0.028, color: [34, 197, 94] };
const BAR = { cx: 0.55, cy: 0.67, hw: 0.13, hh: 0.014, r: 0.014, color: [100, 116, 139] };

function roundedBox(x, y, box) {
  const qx = Math.abs(x - box.cx) - box.hw + box.r;
  const qy = Math.abs(y - box.cy) - box.hh + box.r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - box.r;
}

/** 0..1 coverage of a shape whose distance is d (in tile units), one pixel of soft edge. */
const coverage = (d, pixel) => Math.min(1, Math.max(0, 0.5 - d / pixel));

function over(dst, color, alpha) {
  const a = alpha + dst[3] * (1 - alpha);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i) => (color[i] * alpha + dst[i] * dst[3] * (1 - alpha)) / a;
  return [mix(0), mix(1), mix(2), a];
}

export function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const pixel = 1 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let rgba = [0, 0, 0, 0];
      const tile = coverage(roundedBox(x, y, TILE), pixel);
      if (tile > 0) {
        // Diagonal gradient: #0f172a at the top left to #0e7490 at the bottom right.
        const t = Math.min(1, Math.max(0, (x + y - 0.2) / 1.6));
        const base = [15 + (14 - 15) * t, 23 + (116 - 23) * t, 42 + (144 - 42) * t];
        rgba = over(rgba, base, tile);
        for (const card of CARDS) {
          const c = coverage(roundedBox(x, y, card), pixel) * card.alpha;
          if (c > 0) rgba = over(rgba, card.color, c * tile);
        }
        // Small sizes keep only the cards: a light and a bar of 1 px would read as noise.
        if (size >= 32) {
          const light = coverage(Math.hypot(x - LIGHT.cx, y - LIGHT.cy) - LIGHT.r, pixel);
          if (light > 0) rgba = over(rgba, LIGHT.color, light);
          const bar = coverage(roundedBox(x, y, BAR), pixel);
          if (bar > 0) rgba = over(rgba, BAR.color, bar);
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = Math.round(rgba[0]);
      pixels[i + 1] = Math.round(rgba[1]);
      pixels[i + 2] = Math.round(rgba[2]);
      pixels[i + 3] = Math.round(rgba[3] * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, each row unfiltered (filter byte 0): small enough for an icon. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  mkdirSync(join(here, 'png'), { recursive: true });
  for (const size of SIZES) writeFileSync(join(here, 'png', `${size}x${size}.png`), renderIcon(size));
  writeFileSync(join(here, 'icon.png'), renderIcon(1024));
}
