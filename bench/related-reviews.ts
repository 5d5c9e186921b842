/**
 * Related reviews at 10,000 reviews (issue 17, item 6). Run: `npx tsx bench/related-reviews.ts`.
 *
 * Bundles the backend as `forge deploy` would (into .build/bench-related, removed afterwards),
 * starts the local site on an in-memory database, inserts the 10,000 synthetic incidents of
 * bench/summaries-data.ts into the Jira emulator and writes the summary index exactly as the
 * store does (half-month shards by `shardRecords`, one `summary-loc:` pointer per review). Then
 * calls `review/related` as Maya through the site's /__forge/invoke (the real resolver) for
 * incidents spread over the 24 months, and counts from the request log the storage calls, Forge
 * read units (10 KB each) and Jira calls of each lookup. The baseline, in the same run, is the
 * naive lookup: every review's row read to compare (the whole summary index, counted as one read
 * of all its bytes, the least it could cost). Writes bench/RESULTS.md and bench/results.json
 * (`npm run bench:related`); exits non-zero when a lookup reads more than a constant number of keys.
 */
import { kvs } from '@forge/kvs';
import { build } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RelatedReviewsResult, Result, SummaryRow } from '../src/contract';
import { shardOf, upsertRow } from '../src/domain/summary-index';
import { SHARD_ENTITY, shardRecords } from '../src/storage/summary-store';
import { loadScenario } from '../local/jira';
import { runInInvocation } from '../local/runner/forge-globals';
import { startSite } from '../local/site';
import { writeBenchResults } from './results-file';
import { HIDDEN_PROJECT, SYNTHETIC_PROJECTS, VIEWER_EMAIL, syntheticReviews } from './summaries-data';

const TOTAL = 10_000;
const LOOKUPS = 12;
const READ_UNITS_PER_MINUTE = 4000;
/** The row's pointer plus one or two batch reads of the year's ~25 shards (and a busy half-month's extra parts). */
const MAX_KVS_CALLS = 4;
const ROOT = resolve(__dirname, '..');
const BACKEND_DIR = join(ROOT, '.build', 'bench-related');

const inApp = <T>(work: () => Promise<T>) =>
  runInInvocation(
    { invocationId: randomUUID(), accountId: undefined, moduleKey: 'pir-issue-panel', deadlineMs: Date.now() + 10 * 60_000 },
    work,
  );

async function setAll(items: { key: string; value: unknown; entityName?: string }[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    const res = await kvs.batchSet(items.slice(i, i + 25));
    if (res.failedKeys.length > 0) throw new Error(`batchSet failed for ${res.failedKeys[0].key}: ${res.failedKeys[0].error.code}`);
  }
}

async function main(): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    outfile: join(BACKEND_DIR, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  const site = await startSite({ dataDir: ':memory:', port: 0, backendDir: BACKEND_DIR });
  try {
    const all = syntheticReviews(TOTAL);
    loadScenario(site.db, { projects: SYNTHETIC_PROJECTS, issues: all.map((r) => r.issue), links: [] });
    const byShard = new Map<string, SummaryRow[]>();
    for (const { row } of all) byShard.set(shardOf(row), upsertRow(byShard.get(shardOf(row)) ?? [], row));
    const shardItems = [...byShard].flatMap(([id, rows]) =>
      shardRecords(id, rows, 1).map((r) => ({ key: r.key, value: r.value, entityName: SHARD_ENTITY })),
    );
    await inApp(async () => {
      await setAll(all.map((r) => ({ key: `summary-loc:${r.row.incidentKey}`, value: shardOf(r.row) })));
      await setAll(shardItems);
    });
    const naiveReadUnits = Math.ceil(shardItems.reduce((n, r) => n + Buffer.byteLength(JSON.stringify(r.value), 'utf8'), 0) / 10_240);
    // Subjects the viewer may browse (the hidden project's rows still take part as candidates, and must never come back).
    const dated = all
      .filter((r) => r.row.impactStartedAt !== null && r.row.projectKey !== HIDDEN_PROJECT)
      .sort((a, b) => a.row.impactStartedAt!.localeCompare(b.row.impactStartedAt!));
    const subjects = Array.from({ length: LOOKUPS }, (_, i) => dated[Math.floor(((i + 1) * (dated.length - 1)) / LOOKUPS)].row.incidentKey);
    const figures: { issueKey: string; kvsCalls: number; readUnits: number; jiraCalls: number; ms: number; related: number }[] = [];
    for (const issueKey of subjects) {
      site.log.clear();
      const t = performance.now();
      const res = await fetch(`${site.url}/__forge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-user': VIEWER_EMAIL },
        body: JSON.stringify({ functionKey: 'review/related', payload: { issueKey }, context: { moduleKey: 'pir-issue-panel' } }),
      });
      const { result } = (await res.json()) as { result: Result<RelatedReviewsResult> };
      const ms = Math.round(performance.now() - t);
      if (!result.ok) throw new Error(`review/related ${issueKey}: ${result.error.code} ${result.error.message}`);
      if (result.data.items.some((i) => i.incidentKey.startsWith(`${HIDDEN_PROJECT}-`)))
        throw new Error(`review/related ${issueKey} named an incident of ${HIDDEN_PROJECT}, which the viewer cannot browse`);
      const log = site.log.list();
      const kvsLog = log.filter((r) => r.kind === 'kvs');
      figures.push({
        issueKey,
        kvsCalls: kvsLog.length,
        readUnits: kvsLog.reduce((n, r) => n + (r.storage?.readUnits ?? 0), 0),
        jiraCalls: log.filter((r) => r.kind === 'jira').length,
        ms,
        related: result.data.items.length,
      });
    }
    for (const f of figures)
      console.info(
        `${f.issueKey}: ${f.kvsCalls} storage calls, ${f.readUnits} read units, ${f.jiraCalls} Jira calls, ${f.ms} ms, ${f.related} related`,
      );
    const maxUnits = Math.max(...figures.map((f) => f.readUnits));
    const maxCalls = Math.max(...figures.map((f) => f.kvsCalls));
    console.info(
      `RELATED-BENCH reviews=${TOTAL} lookups=${figures.length} maxKvsCalls=${maxCalls} maxReadUnits=${maxUnits} ` +
        `(${((100 * maxUnits) / READ_UNITS_PER_MINUTE).toFixed(1)}% of the ${READ_UNITS_PER_MINUTE}/min quota) maxJiraCalls=${Math.max(...figures.map((f) => f.jiraCalls))} ` +
        `medianMs=${[...figures.map((f) => f.ms)].sort((a, b) => a - b)[figures.length >> 1]} withRelated=${figures.filter((f) => f.related > 0).length}`,
    );
    const medianUnits = [...figures.map((f) => f.readUnits)].sort((a, b) => a - b)[figures.length >> 1];
    const perMinute = (units: number) => Math.floor(READ_UNITS_PER_MINUTE / units);
    writeBenchResults(
      'relatedReviews',
      { reviews: TOTAL, lookups: figures, naiveReadUnits, maxReadUnits: maxUnits, maxKvsCalls: maxCalls },
      '## Related reviews',
      [
        '## Related reviews',
        '',
        `\`review/related\` as the viewer through \`/__forge/invoke\` at ${TOTAL.toLocaleString('en-US')} reviews, ${figures.length} incidents spread over 24 months (\`npm run bench:related\`). Baseline in the same run: every row of the summary index read to compare, counted as one read of all its bytes.`,
        '',
        '| lookup | storage calls | read units | lookups a minute in 4,000 read units | Jira calls |',
        '| --- | --- | --- | --- | --- |',
        `| related reviews, median | ${[...figures.map((f) => f.kvsCalls)].sort((a, b) => a - b)[figures.length >> 1]} | ${medianUnits} | ${perMinute(medianUnits)} | ${[...figures.map((f) => f.jiraCalls)].sort((a, b) => a - b)[figures.length >> 1]} |`,
        `| related reviews, largest | ${maxCalls} | ${maxUnits} | ${perMinute(maxUnits)} | ${Math.max(...figures.map((f) => f.jiraCalls))} |`,
        `| baseline: the whole index | – | ${naiveReadUnits} | ${perMinute(naiveReadUnits)} | – |`,
        '',
        "A lookup reads the row's pointer and the year of half-month shards before the incident, never a review; what it reads grows with the reviews of that year, not of the site.",
        '',
      ].join('\n'),
    );
    if (maxCalls > MAX_KVS_CALLS) process.exitCode = 1;
  } finally {
    await site.close();
    rmSync(BACKEND_DIR, { recursive: true, force: true });
  }
}

void main();
