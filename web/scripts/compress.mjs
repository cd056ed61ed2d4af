// Writes .br and .gz beside every built file, at the highest levels, so the API serves compressed files without
// compressing per request; then prints what a first visit downloads (index.html's scripts and styles), compressed.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const compressible = /\.(js|css|html|svg|json|txt|map)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (compressible.test(name)) yield path;
  }
}

const sizes = new Map();
for (const path of files(dist)) {
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(path + '.br', br);
  writeFileSync(path + '.gz', gz);
  sizes.set('/' + relative(dist, path), { raw: bytes.length, br: br.length, gz: gz.length });
}

const index = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const total = (kind, ext) =>
  firstLoad.filter((f) => f.endsWith(ext)).reduce((sum, f) => sum + (sizes.get(f)?.[kind] ?? 0), 0);
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(
  `first load: JS ${kb(total('raw', '.js'))} raw, ${kb(total('gz', '.js'))} gzip, ${kb(total('br', '.js'))} brotli; ` +
    `CSS ${kb(total('gz', '.css'))} gzip, ${kb(total('br', '.css'))} brotli`,
);
