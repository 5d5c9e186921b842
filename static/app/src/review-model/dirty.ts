import { fromDraft, type ReviewDraft } from './draft';

/** Structural equality of JSON-like values (what a draft is made of). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}

/** Whether saving the draft would change the saved review: compared as payloads, so "" and null agree. */
export function isDirty(saved: ReviewDraft, draft: ReviewDraft): boolean {
  return !deepEqual(fromDraft(saved), fromDraft(draft));
}

type Json = unknown;

const isPlainObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: Json): v is { id: string } => isPlainObject(v) && typeof v['id'] === 'string';
const isIdList = (v: Json): v is { id: string }[] => Array.isArray(v) && v.every(hasId);

export interface Merged<T> {
  value: T;
  /** Paths where both sides changed the same field; the user's own value was kept. */
  clashes: string[];
}

/**
 * Three-way merge of the user's draft onto a newer saved review (after a conflict, or when a save
 * answers while the user kept typing): what the user changed since `base` is kept, everything
 * else takes `theirs`. Lists of `{id}` (action items, contributing factors) merge item by item.
 */
export function mergeDrafts<T>(base: T, mine: T, theirs: T): Merged<T> {
  const clashes: string[] = [];
  const value = mergeValue(base, mine, theirs, '', clashes) as T;
  return { value, clashes };
}

function mergeValue(base: Json, mine: Json, theirs: Json, path: string, clashes: string[]): Json {
  if (deepEqual(mine, base)) return theirs;
  if (deepEqual(theirs, base) || deepEqual(mine, theirs)) return mine;
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const out: Record<string, Json> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      out[key] = mergeValue(base[key], mine[key], theirs[key], path ? `${path}.${key}` : key, clashes);
    }
    return out;
  }
  if (isIdList(base) && isIdList(mine) && isIdList(theirs)) return mergeById(base, mine, theirs, path, clashes);
  clashes.push(path);
  return mine;
}

function mergeById(base: { id: string }[], mine: { id: string }[], theirs: { id: string }[], path: string, clashes: string[]): Json {
  const byId = (list: { id: string }[]) => new Map(list.map((item) => [item.id, item]));
  const b = byId(base);
  const t = byId(theirs);
  const out: Json[] = [];
  for (const item of mine) {
    const baseItem = b.get(item.id);
    const theirItem = t.get(item.id);
    if (!baseItem)
      out.push(item); // added by me
    else if (!theirItem) {
      // Removed by them: gone unless I edited it meanwhile.
      if (!deepEqual(item, baseItem)) {
        clashes.push(`${path}.${item.id}`);
        out.push(item);
      }
    } else out.push(mergeValue(baseItem, item, theirItem, `${path}.${item.id}`, clashes));
  }
  const mineIds = new Set(mine.map((item) => item.id));
  // Added by them: appended. (Removed by me and untouched by them stays removed.)
  for (const item of theirs) if (!b.has(item.id) && !mineIds.has(item.id)) out.push(item);
  return out;
}
