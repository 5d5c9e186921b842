import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzipped size of the Custom UI's JavaScript, per file and in total, against a budget:
 * `npm run build:ui && npx tsx scripts/bundle-size.ts [budgetKB]` (exits 1 over the budget).
 * `dist/macro-config` is a copy of the same files (a second Forge resource) and is not counted
 * twice. Files loaded at start (named by index.html) are told apart from chunks loaded on demand.
 */
const BUDGET_KB = Number(process.argv[2] ?? 360);
const dist = join(__dirname, '..', 'static', 'app', 'dist');
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const kb = (bytes: number) => bytes / 1024;
const rows = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({
    file: relative(dist, join(assets, f)),
    gzip: gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
    atStart: html.includes(`assets/${f}`),
  }))
  .sort((a, b) => b.gzip - a.gzip);

for (const r of rows) process.stdout.write(`${kb(r.gzip).toFixed(1).padStart(8)} KB  ${r.atStart ? 'start ' : 'lazy  '} ${r.file}\n`);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const atStart = rows.filter((r) => r.atStart).reduce((sum, r) => sum + r.gzip, 0);
process.stdout.write(
  `${kb(atStart).toFixed(1).padStart(8)} KB  loaded at start\n${kb(total).toFixed(1).padStart(8)} KB  all JavaScript (budget ${BUDGET_KB} KB gzip)\n`,
);
if (kb(total) > BUDGET_KB) {
  process.stderr.write(`Over the budget by ${(kb(total) - BUDGET_KB).toFixed(1)} KB\n`);
  process.exit(1);
}
