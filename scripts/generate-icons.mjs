// Draws Rewind's icon (a counter-clockwise arrow around clock hands) into public/ as PNG and SVG.
// Run once after changing the design: `node scripts/generate-icons.mjs`; the outputs are committed.
// Written with zlib alone so that no image toolchain is needed on any machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

const BACKGROUND = [0x0f, 0x76, 0x6e];
const GLYPH = [0xf0, 0xfd, 0xfa];

// The glyph in unit coordinates (0..1, y down), centred on (0.5, 0.5).
const RING_RADIUS = 0.27;
const STROKE = 0.075;
const ARC_FROM = -140; // degrees, counter-clockwise from 3 o'clock; the arrow runs up to ARC_TO
const ARC_TO = 150;
const HEAD_HALF_WIDTH = 0.085;
const HEAD_LENGTH = 0.11;
const HANDS = [
  [0.5, 0.5, 0.5, 0.35],
  [0.5, 0.5, 0.6, 0.58],
];

const rad = (deg) => (deg * Math.PI) / 180;
const polar = (deg, r = RING_RADIUS) => [0.5 + r * Math.cos(rad(deg)), 0.5 - r * Math.sin(rad(deg))];

function arrowHead() {
  const [ex, ey] = polar(ARC_TO);
  // Tangent of counter-clockwise travel at the arc's end (y grows downwards).
  const tx = -Math.sin(rad(ARC_TO));
  const ty = -Math.cos(rad(ARC_TO));
  const nx = Math.cos(rad(ARC_TO));
  const ny = -Math.sin(rad(ARC_TO));
  return [
    [ex + nx * HEAD_HALF_WIDTH, ey + ny * HEAD_HALF_WIDTH],
    [ex - nx * HEAD_HALF_WIDTH, ey - ny * HEAD_HALF_WIDTH],
    [ex + tx * HEAD_LENGTH, ey + ty * HEAD_LENGTH],
  ];
}

function onArc(x, y) {
  const dx = x - 0.5;
  const dy = 0.5 - y;
  if (Math.abs(Math.hypot(dx, dy) - RING_RADIUS) > STROKE / 2) return false;
  const deg = (Math.atan2(dy, dx) * 180) / Math.PI;
  return deg >= ARC_FROM && deg <= ARC_TO;
}

function onSegment(x, y, [x1, y1, x2, y2]) {
  const vx = x2 - x1;
  const vy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (x1 + t * vx), y - (y1 + t * vy)) <= STROKE / 2;
}

function inTriangle(x, y, [a, b, c]) {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

const head = arrowHead();
const inGlyph = (x, y) => onArc(x, y) || inTriangle(x, y, head) || HANDS.some((h) => onSegment(x, y, h));

function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * Renders one icon. `scale` shrinks the glyph about the centre (maskable icons keep it inside the 80 % safe
 * circle); `corner` rounds the background (0 = full bleed, for platforms that apply their own mask).
 */
function render(size, { scale, corner }) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!inRoundedSquare(x, y, corner)) continue;
          bg++;
          if (inGlyph(0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale)) fg++;
        }
      }
      const total = samples * samples;
      const mix = bg === 0 ? 0 : fg / bg;
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(BACKGROUND[c] * (1 - mix) + GLYPH[c] * mix);
      rgba[o + 3] = Math.round((255 * bg) / total);
    }
  }
  return encodePng(size, rgba);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const f = (n) => Number((n * 512).toFixed(2));
  const [sx, sy] = polar(ARC_FROM);
  const [ex, ey] = polar(ARC_TO);
  const r = f(RING_RADIUS);
  const points = head.map(([x, y]) => `${f(x)},${f(y)}`).join(' ');
  const hands = HANDS.map(([x1, y1, x2, y2]) => `M${f(x1)} ${f(y1)}L${f(x2)} ${f(y2)}`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" rx="${f(0.22)}" fill="${hex(BACKGROUND)}"/>
<g fill="none" stroke="${hex(GLYPH)}" stroke-width="${f(STROKE)}">
<path d="M${f(sx)} ${f(sy)}A${r} ${r} 0 1 0 ${f(ex)} ${f(ey)}"/>
<path d="${hands}" stroke-linecap="round"/>
</g>
<polygon points="${points}" fill="${hex(GLYPH)}"/>
</svg>
`;
}

const outputs = {
  'icons/icon-192.png': render(192, { scale: 1, corner: 0.22 }),
  'icons/icon-512.png': render(512, { scale: 1, corner: 0.22 }),
  'icons/maskable-512.png': render(512, { scale: 0.8, corner: 0 }),
  'apple-touch-icon.png': render(180, { scale: 0.9, corner: 0 }),
  'favicon.svg': svg(),
};

for (const [name, data] of Object.entries(outputs)) {
  const file = join(publicDir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote public/${name}`);
}
