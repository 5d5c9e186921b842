import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { FactorCategory, ReviewSearchField, SearchHighlight, SeverityLevel } from '../contract';
import { FACTOR_CATEGORY_LABEL } from './factor-taxonomy';

/**
 * The review library's full-text index (issue 17, item 2), built with MiniSearch and stored in
 * bounded cells so a search reads a few of them, never the whole library.
 *
 * Why cells: MiniSearch keeps one inverted index per instance. Stored whole, every search would
 * read all of it (~10 MB at 10,000 reviews: 1,000 read units, a quarter of an installation's
 * minute), and every save would rewrite all of it. So the index is split two ways:
 *  - by term: a term belongs to one of TERM_BUCKETS buckets, chosen by its first three letters,
 *    so a search reads only the buckets of its words (prefix matching from the third letter and
 *    typo tolerance after it stay inside one bucket);
 *  - by review: a review belongs to one of DOC_GROUPS groups (hash of its key), so a save
 *    rewrites only its group's cells in the buckets its old and new words fall in.
 * Each cell is a MiniSearch instance over the reviews of one group, holding only the terms of one
 * bucket (its `processTerm` drops the others). Scores are BM25 within a cell (cell-local
 * document frequencies, as a sharded search engine computes them), summed over a query's words.
 *
 * Pure: no storage, no clock; the store reads and writes the cells' plain-object form.
 */

/** Bump when tokenising, bucketing or the stored shape changes: a stored index of another format is rebuilt. */
export const SEARCH_FORMAT = 1;
export const TERM_BUCKETS = 128;
export const DOC_GROUPS = 64;
/** A cell must stay below Forge's 240 KiB value limit with room for its envelope. */
export const CELL_BUDGET_BYTES = 200 * 1024;
/** Text of one field beyond this is neither indexed nor stored (it keeps a review's search record small). */
export const FIELD_CHARS = 4_000;

export const SEARCH_FIELDS = [
  'title',
  'learnings',
  'factors',
  'actions',
  'services',
  'tags',
] as const satisfies readonly ReviewSearchField[];

/** What the library keeps of one review: the searched text, and the facts its filters and results show. */
export interface SearchDoc {
  incidentKey: string;
  title: string;
  severityLevel: SeverityLevel;
  impactStartedAt: string | null;
  services: string[];
  factorCategories: FactorCategory[];
  text: Record<ReviewSearchField, string>;
}

export type CellData = ReturnType<MiniSearch['toJSON']>;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from had has have in is it its of on or our so that the their this to was we were with not no'.split(
    ' ',
  ),
);
const MAX_TERM = 40;
/** MiniSearch's own tokeniser: the index and the highlighter split text the same way. */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
/** Words with their offsets: the complement of MiniSearch's separator (space or punctuation). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** A term as indexed and searched: lower case, no stop words, no one-letter or runaway tokens. */
export function normalizeTerm(token: string): string | null {
  const t = token.toLowerCase();
  if (t.length < 2 || t.length > MAX_TERM || STOP_WORDS.has(t)) return null;
  return t;
}

/** FNV-1a: stable across runs and processes, so a term or review always lands in the same cell. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function bucketOf(term: string): number {
  return hash(term.slice(0, 3)) % TERM_BUCKETS;
}

export function groupOf(incidentKey: string): number {
  return hash(incidentKey) % DOC_GROUPS;
}

export function cellId(bucket: number, group: number): string {
  return `${bucket}.${group}`;
}

const cut = (text: string) => (text.length <= FIELD_CHARS ? text : text.slice(0, FIELD_CHARS));

/** The searched text of a review's parts; factors carry their category's label so "capacity" finds them. */
export function searchText(parts: {
  title: string;
  learnings: { learned: string; wentWell: string; surprised: string };
  factors: readonly { text: string; category: FactorCategory }[];
  actions: readonly { summary: string }[];
  services: readonly string[];
  tags: readonly string[];
}): Record<ReviewSearchField, string> {
  const lines = (xs: readonly string[]) =>
    cut(
      xs
        .map((x) => x.trim())
        .filter((x) => x !== '')
        .join('\n'),
    );
  return {
    title: titleText(parts.title),
    learnings: lines([parts.learnings.learned, parts.learnings.wentWell, parts.learnings.surprised]),
    factors: lines(parts.factors.map((f) => `${FACTOR_CATEGORY_LABEL[f.category]}: ${f.text}`)),
    actions: lines(parts.actions.map((a) => a.summary)),
    services: lines([...parts.services]),
    tags: cut(parts.tags.join(' ')),
  };
}

/** The title as searched (trimmed, cut like every field). */
export function titleText(title: string): string {
  return cut(title.trim());
}

/** Every distinct term of the review's text. */
export function termsOf(text: Record<ReviewSearchField, string>): Set<string> {
  const terms = new Set<string>();
  for (const f of SEARCH_FIELDS) {
    for (const token of tokenize(text[f])) {
      const t = normalizeTerm(token);
      if (t !== null) terms.add(t);
    }
  }
  return terms;
}

export function bucketsOf(text: Record<ReviewSearchField, string> | null): Set<number> {
  return new Set(text === null ? [] : [...termsOf(text)].map(bucketOf));
}

/** The distinct searchable words of a query, in the order typed. */
export function queryTerms(query: string): string[] {
  const seen = new Set<string>();
  for (const token of tokenize(query)) {
    const t = normalizeTerm(token);
    if (t !== null) seen.add(t);
  }
  return [...seen];
}

type Indexed = { id: string } & Record<ReviewSearchField, string>;

function cellOptions(bucket: number): Options<Indexed> {
  return {
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    tokenize,
    processTerm: (token) => {
      const t = normalizeTerm(token);
      return t !== null && bucketOf(t) === bucket ? t : null;
    },
    // Vacuumed by hand before a cell is stored: an automatic vacuum runs later, after the write.
    autoVacuum: false,
  };
}

export function loadCell(bucket: number, data: CellData | null): MiniSearch<Indexed> {
  return data === null ? new MiniSearch(cellOptions(bucket)) : MiniSearch.loadJS(data, cellOptions(bucket));
}

/**
 * The cell with the review's terms of this bucket replaced by those of `text` (null: removed).
 * Idempotent: applying the same update twice gives the same cell, so a write that lost a race is
 * simply applied again to the newer cell.
 */
export async function updateCell(
  bucket: number,
  data: CellData | null,
  incidentKey: string,
  text: Record<ReviewSearchField, string> | null,
): Promise<CellData> {
  const cell = loadCell(bucket, data);
  if (cell.has(incidentKey)) {
    cell.discard(incidentKey);
    await cell.vacuum({ batchSize: 10_000, batchWait: 0 });
  }
  if (text !== null && [...termsOf(text)].some((t) => bucketOf(t) === bucket)) cell.add({ id: incidentKey, ...text });
  return cell.toJSON();
}

/**
 * A whole cell from many reviews at once (`reviews` of one group): what indexing them one by one
 * with `updateCell` gives, in one pass. For building a library in bulk (the benchmark).
 */
export function buildCell(bucket: number, reviews: readonly { incidentKey: string; text: Record<ReviewSearchField, string> }[]): CellData {
  const cell = loadCell(bucket, null);
  cell.addAll(
    reviews.filter((r) => [...termsOf(r.text)].some((t) => bucketOf(t) === bucket)).map((r) => ({ id: r.incidentKey, ...r.text })),
  );
  return cell.toJSON();
}

export function cellBytes(data: CellData): number {
  return Buffer.byteLength(JSON.stringify(data), 'utf8');
}

/** A review's match over every cell it was found in. */
export interface Hit {
  incidentKey: string;
  score: number;
  /** Query words it matched (prefix or typo matches count for the word typed). */
  queryTerms: string[];
  /** Indexed terms that matched, and the fields each was found in. */
  match: Record<string, ReviewSearchField[]>;
}

const BOOST: Partial<Record<ReviewSearchField, number>> = { title: 3, services: 2, tags: 2, factors: 1.5, learnings: 1.2 };

/**
 * Searches the cells read for a query's buckets and ranks the reviews: more of the query's
 * words matched first, then the summed score, then the key (a total order, so pages are stable).
 */
export function searchCells(cells: readonly { bucket: number; data: CellData }[], query: string): Hit[] {
  const byKey = new Map<string, { score: number; queryTerms: Set<string>; match: Map<string, Set<ReviewSearchField>> }>();
  const words = queryTerms(query).join(' ');
  if (words === '') return [];
  for (const { bucket, data } of cells) {
    const found: SearchResult[] = loadCell(bucket, data).search(words, {
      combineWith: 'OR',
      boost: BOOST,
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    });
    for (const r of found) {
      const key = String(r.id);
      const hit = byKey.get(key) ?? { score: 0, queryTerms: new Set<string>(), match: new Map<string, Set<ReviewSearchField>>() };
      hit.score += r.score;
      for (const q of r.queryTerms) hit.queryTerms.add(q);
      for (const [term, fields] of Object.entries(r.match)) {
        const into = hit.match.get(term) ?? new Set<ReviewSearchField>();
        for (const f of fields) into.add(f as ReviewSearchField);
        hit.match.set(term, into);
      }
      byKey.set(key, hit);
    }
  }
  return [...byKey.entries()]
    .map(([incidentKey, h]) => ({
      incidentKey,
      score: h.score,
      queryTerms: [...h.queryTerms].sort(),
      match: Object.fromEntries([...h.match.entries()].map(([t, fs]) => [t, SEARCH_FIELDS.filter((f) => fs.has(f))])),
    }))
    .sort((a, b) => b.queryTerms.length - a.queryTerms.length || b.score - a.score || a.incidentKey.localeCompare(b.incidentKey));
}

/** The fields a hit matched in, in field order. */
export function matchedFields(hit: Pick<Hit, 'match'>): ReviewSearchField[] {
  const fields = new Set(Object.values(hit.match).flat());
  return SEARCH_FIELDS.filter((f) => fields.has(f));
}

const SNIPPET_CHARS = 160;
const CONTEXT_BEFORE = 40;

/**
 * Where the matched terms occur in one field's text, as a snippet around the first of them:
 * `ranges` are [start, end) offsets into `text` (UTF-16 code units, as JavaScript strings index),
 * never markup. The UI wraps each range itself. An ellipsis marks text left out on either side.
 */
export function highlight(field: ReviewSearchField, fullText: string, terms: ReadonlySet<string>): SearchHighlight | null {
  const spots: [number, number][] = [];
  for (const m of fullText.matchAll(WORD)) {
    const t = normalizeTerm(m[0]);
    if (t !== null && terms.has(t)) spots.push([m.index, m.index + m[0].length]);
  }
  if (spots.length === 0) return null;
  let start = Math.max(0, spots[0][0] - CONTEXT_BEFORE);
  // Start at a word boundary so the snippet does not open mid-word.
  if (start > 0) {
    const space = fullText.lastIndexOf(' ', start);
    start = space >= 0 && spots[0][0] - space <= CONTEXT_BEFORE + 20 ? space + 1 : start;
  }
  const end = Math.min(fullText.length, Math.max(start + SNIPPET_CHARS, spots[0][1]));
  const lead = start > 0 ? '…' : '';
  const text = `${lead}${fullText.slice(start, end)}${end < fullText.length ? '…' : ''}`;
  const ranges = spots
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start + lead.length, e - start + lead.length]);
  return { field, text, ranges };
}

/** One snippet per matched field, in field order. */
export function highlights(doc: Pick<SearchDoc, 'text'>, hit: Pick<Hit, 'match'>): SearchHighlight[] {
  const out: SearchHighlight[] = [];
  for (const field of matchedFields(hit)) {
    const terms = new Set(
      Object.entries(hit.match)
        .filter(([, fs]) => fs.includes(field))
        .map(([t]) => t),
    );
    const h = highlight(field, doc.text[field], terms);
    if (h) out.push(h);
  }
  return out;
}

/** Filters on a review's facts (all optional; bounds are UTC days, inclusive). */
export interface SearchFilter {
  severity?: SeverityLevel;
  service?: string;
  factorCategory?: FactorCategory;
  from?: string;
  to?: string;
}

export function hasFilter(f: SearchFilter): boolean {
  return f.severity !== undefined || !!f.service || f.factorCategory !== undefined || !!f.from || !!f.to;
}

/** With a date bound set, a review whose impact start is unknown is in no range and is left out. */
export function matchesFilter(doc: SearchDoc, f: SearchFilter): boolean {
  if (f.severity !== undefined && doc.severityLevel !== f.severity) return false;
  if (f.service && !doc.services.some((s) => s.toLowerCase() === f.service!.toLowerCase())) return false;
  if (f.factorCategory !== undefined && !doc.factorCategories.includes(f.factorCategory)) return false;
  if (f.from || f.to) {
    const ms = doc.impactStartedAt === null ? NaN : Date.parse(doc.impactStartedAt);
    if (!Number.isFinite(ms)) return false;
    const day = new Date(ms).toISOString().slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
  }
  return true;
}

export function sameDoc(a: SearchDoc | null, b: SearchDoc | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameText(a: SearchDoc | null, b: SearchDoc | null): boolean {
  return JSON.stringify(a?.text ?? null) === JSON.stringify(b?.text ?? null);
}
