import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const JSON_PATH = join(__dirname, 'results.json');
const MD_PATH = join(__dirname, 'RESULTS.md');
const MD_HEADER = '# Benchmark results\n\nWritten by the benchmarks in this folder; each owns one section.\n\n';

/**
 * Writes one benchmark's figures: its key of bench/results.json and its section of
 * bench/RESULTS.md (the section starting with `heading`, up to the next `## `). Both files are
 * re-read right before writing, so the other benchmarks' keys and sections are kept as they are;
 * a new key or section goes at the end.
 */
export function writeBenchResults(jsonKey: string, value: unknown, heading: string, section: string): void {
  const existing = existsSync(JSON_PATH) ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(JSON_PATH, `${JSON.stringify({ ...existing, [jsonKey]: value }, null, 2)}\n`);

  const md = existsSync(MD_PATH) ? readFileSync(MD_PATH, 'utf8') : MD_HEADER;
  const start = md.indexOf(heading);
  const next = start < 0 ? -1 : md.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${md.trimEnd()}\n\n${section}` : `${md.slice(0, start)}${section}${next < 0 ? '' : md.slice(next + 1)}`;
  writeFileSync(MD_PATH, updated);
}
