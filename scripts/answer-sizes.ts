/**
 * Serialised size of every timeline resolver answer (and macro/get, the Markdown export, the
 * incident summary) for the large incident of docs/DECISIONS.md#performance, through the local site and the built
 * backend. Forge functions run on AWS Lambda, whose invocation answer is capped at 6 MB.
 *
 *   npm run build && npx tsx scripts/answer-sizes.ts
 *
 * Works on a backend without paging too (it then reads the whole timeline from the one answer).
 */
import type { EntryKey, EntryPage, Result, TimelineChange, TimelineEntry, TimelineView } from '../src/contract';
import { freshSite, invokeAs } from '../test/support/site';

const MAYA = 'maya@example.com';
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;

async function main(): Promise<void> {
  const site = await freshSite();
  const sizes = new Map<string, { bytes: number; ms: number }[]>();
  const call = async <T>(
    key: string,
    payload: unknown,
    context?: { moduleKey: string; extension?: Record<string, unknown> },
  ): Promise<T> => {
    const started = Date.now();
    const { result } = await invokeAs<Result<T>>(site, MAYA, key, payload, context);
    sizes.set(key, [...(sizes.get(key) ?? []), { bytes: Buffer.byteLength(JSON.stringify(result), 'utf8'), ms: Date.now() - started }]);
    if (!result.ok) throw new Error(`${key}: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  try {
    const seeded = (await (
      await fetch(`${site.url}/__admin/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: 'large' }),
      })
    ).json()) as { added: string[] };
    const issueKey = seeded.added[0];
    await call<TimelineView>('review/start', { issueKey });
    await call<TimelineView>('timeline/refresh', { issueKey });
    const view = await call<TimelineView>('timeline/get', { issueKey });
    const all: TimelineEntry[] = [...view.entries];
    const starts = view.paging?.pageStarts ?? [];
    for (const [i, start] of starts.entries()) {
      for (let from: EntryKey | null = start; from;) {
        const page: EntryPage = await call<EntryPage>('timeline/entries', {
          issueKey,
          version: view.version,
          from,
          to: starts[i + 1] ?? null,
        });
        all.push(...page.entries);
        from = page.next;
      }
    }
    const note = { at: '2026-11-19T16:00:00Z', manualKind: 'note', actorName: 'On-call', text: 'Paged the payments team.' };
    let change = await call<TimelineChange>('timeline/annotate', {
      issueKey,
      entryId: all[all.length - 1].id,
      version: view.version,
      patch: { impact: 'positive' },
    });
    change = await call<TimelineChange>('timeline/manual/add', { issueKey, entry: note, version: change.version });
    const manual = (change.changed ?? change.entries).find((e) => e.source === 'manual')!;
    change = await call<TimelineChange>('timeline/manual/update', {
      issueKey,
      entryId: manual.id,
      entry: { ...note, text: 'Paged payments.' },
      version: change.version,
    });
    change = await call<TimelineChange>('timeline/manual/remove', { issueKey, entryId: manual.id, version: change.version });
    change = await call<TimelineChange>('moments/set', {
      issueKey,
      moment: 'restored',
      at: '2026-11-19T20:00:00Z',
      version: change.version,
    });
    await call<TimelineChange>('severity/set', { issueKey, level: 1, version: change.version });
    for (const macroView of ['full', 'summary']) {
      await call('macro/get', { config: { issueKey, view: macroView } }, { moduleKey: 'pir-review-macro', extension: { type: 'macro' } });
    }
    await call('review/export/markdown', { issueKey });
    await call('summaries/incident', { issueKey });

    console.info(`Large incident ${issueKey}: ${all.length.toLocaleString('en-US')} entries, read in ${1 + starts.length} answers`);
    console.info(`${'resolver'.padEnd(26)} answers  largest     slowest`);
    for (const [key, runs] of sizes) {
      const largest = Math.max(...runs.map((r) => r.bytes));
      console.info(
        `${key.padEnd(26)} ${String(runs.length).padStart(7)}  ${kib(largest).padStart(9)}  ${String(Math.max(...runs.map((r) => r.ms))).padStart(6)} ms`,
      );
    }
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
