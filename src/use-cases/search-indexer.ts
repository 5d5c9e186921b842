import type { IncidentOverview, ReviewContent, ReviewDoc, SeverityLevel, TimelineView } from '../contract';
import {
  SEARCH_FIELDS,
  bucketsOf,
  cellBytes,
  cellId,
  groupOf,
  sameDoc,
  sameText,
  searchText,
  titleText,
  updateCell,
  type SearchDoc,
} from '../domain/search-index';
import { FACTOR_CATEGORIES } from '../domain/factor-taxonomy';
import { logger } from '../logger';
import { ConflictError } from '../storage/timeline-store';
import type { SearchIndexStore } from '../storage/search-store';
import type { SummaryIndexer } from './summary-indexer';

const ATTEMPTS = 8;
const PAUSE_CAP_MS = 200;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const pause = (attempt: number) => new Promise((ok) => setTimeout(ok, Math.random() * Math.min(PAUSE_CAP_MS, 10 * 2 ** attempt)));

const emptyText = (): SearchDoc['text'] => Object.fromEntries(SEARCH_FIELDS.map((f) => [f, ''])) as SearchDoc['text'];

/**
 * Re-indexes one review: its record, and the cells of its group in the buckets its old and new
 * words fall in (a save never touches another group, never rebuilds). A cell that changed since
 * it was read (another save in the same group) is read again and the update applied again;
 * updates are idempotent, so a retry after a half-written batch converges. `next` answering null
 * takes the review out of the library.
 */
export async function indexReview(
  store: SearchIndexStore,
  incidentKey: string,
  next: (prev: SearchDoc | null) => SearchDoc | null,
): Promise<void> {
  const prev = (await store.readDocs([incidentKey])).get(incidentKey) ?? null;
  const doc = next(prev);
  if (sameDoc(prev, doc)) return;
  if (!sameText(prev, doc)) {
    const group = groupOf(incidentKey);
    const buckets = [...new Set([...bucketsOf(prev?.text ?? null), ...bucketsOf(doc?.text ?? null)])].sort((a, b) => a - b);
    for (let attempt = 1; ; attempt++) {
      try {
        const ids = buckets.map((b) => cellId(b, group));
        const stored = await store.readCells(ids);
        const writes = [];
        for (const b of buckets) {
          const id = cellId(b, group);
          const was = stored.get(id) ?? null;
          const cell = await updateCell(b, was?.cell ?? null, incidentKey, doc?.text ?? null);
          // On a retry, a cell already holding this update (its batch was written before the conflict) is not written again.
          if (attempt > 1 && was && cellBytes(was.cell) === cellBytes(cell) && JSON.stringify(was.cell) === JSON.stringify(cell)) continue;
          writes.push({ id, expected: was?.version ?? null, cell });
        }
        await store.writeCells(writes);
        break;
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= ATTEMPTS) throw e;
        await pause(attempt);
      }
    }
  }
  // Written last: a record ahead of its cells would make the next save skip cells it must still fix.
  if (doc === null) await store.deleteDoc(incidentKey);
  else await store.writeDoc(doc);
}

/** The library's side of a review save: the same two events the summary index follows. */
export function createSearchIndexer(store: SearchIndexStore): SummaryIndexer {
  const guarded = async (incidentKey: string, next: (prev: SearchDoc | null) => SearchDoc | null) => {
    try {
      await indexReview(store, incidentKey, next);
    } catch (e) {
      // Derived data: the user's save stands; the review's next save indexes it again.
      logger.error('search-index.write-failed', { incidentKey, error: message(e) });
    }
  };
  return {
    timelineChanged: (view: TimelineView) =>
      guarded(view.incidentKey, (prev) => {
        const text = prev?.text ?? emptyText();
        return {
          incidentKey: view.incidentKey,
          title: view.incident.summary,
          severityLevel: view.severity.level,
          impactStartedAt: view.moments.impactStarted.at,
          services: prev?.services ?? [],
          factorCategories: prev?.factorCategories ?? [],
          // Only the title comes from the timeline's side; the rest of the text is the document's.
          text: { ...text, title: titleText(view.incident.summary) },
        };
      }),
    docChanged: (doc: ReviewDoc, incident: Pick<IncidentOverview, 'summary' | 'severity'>) =>
      guarded(doc.incidentKey, (prev) => searchDocOf(doc, incident, prev)),
  };
}

/** A review's record from its document; severity and impact start stay as the timeline last set them. */
export function searchDocOf(
  doc: {
    incidentKey: string;
    content: Pick<ReviewContent, 'servicesImpacted' | 'learnings' | 'contributingFactors' | 'tags'>;
    actionItems: readonly { summary: string }[];
  },
  incident: { summary: string; severity: { level: SeverityLevel } },
  prev: SearchDoc | null,
): SearchDoc {
  const c = doc.content;
  const services = [...new Set((c.servicesImpacted ?? []).map((s) => s.trim()).filter((s) => s !== ''))];
  const factors = c.contributingFactors ?? [];
  return {
    incidentKey: doc.incidentKey,
    title: incident.summary,
    severityLevel: prev?.severityLevel ?? incident.severity.level,
    impactStartedAt: prev?.impactStartedAt ?? null,
    services,
    factorCategories: FACTOR_CATEGORIES.filter((cat) => factors.some((f) => f.category === cat)),
    text: searchText({ title: incident.summary, learnings: c.learnings, factors, actions: doc.actionItems, services, tags: c.tags }),
  };
}

/** Both indexes follow every save: the summary row first (the page's figures), then the library. */
export function withReviewSearch(summaries: SummaryIndexer, search: SummaryIndexer): SummaryIndexer {
  return {
    async timelineChanged(view) {
      await summaries.timelineChanged(view);
      await search.timelineChanged(view);
    },
    async docChanged(doc, incident, pageUrl) {
      await summaries.docChanged(doc, incident, pageUrl);
      await search.docChanged(doc, incident);
    },
  };
}
