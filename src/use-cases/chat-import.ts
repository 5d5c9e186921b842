import { createHash } from 'node:crypto';
import type { ChatImportEntry, ChatImportResult, Person } from '../contract';
import { matchKey } from '../domain/chat-import/names';
import { manualEntry } from '../domain/timeline-merge';
import type { TimelineDeps } from './timeline-deps';
import { edit, type Touched } from './timeline-review';

/** People the caller may find in Jira by a name (the app's user search, as the caller). */
export type UserFinder = (issueKey: string, query: string) => Promise<Person[]>;

/** At most this many distinct senders are looked up in Jira per import (one or two searches each). */
const MAX_LOOKUPS = 20;

/**
 * A chat message's id: from its instant, sender and text, so the same message imported again,
 * from the same transcript or another copy of it, is the same entry. Worked out here, never
 * taken from the caller.
 */
export function chatEntryId(entry: ChatImportEntry): string {
  const text = entry.text.replace(/\r\n?/g, '\n').trim();
  const digest = createHash('sha256')
    .update(JSON.stringify([new Date(entry.at).toISOString(), entry.author.normalize('NFC').trim(), text.normalize('NFC')]))
    .digest('hex');
  return `manual:chat:${digest.slice(0, 32)}`;
}

/**
 * The Jira user each sender's name stands for, when exactly one person the caller can find has
 * that display name (case, accents and spacing aside). Searched by the name's last word, as
 * written and without accents, since Jira's search matches the start of a word.
 */
async function linkAuthors(find: UserFinder, issueKey: string, names: readonly string[]): Promise<Map<string, Person>> {
  const distinct = [...new Map(names.map((n) => [matchKey(n), n])).entries()].filter(([key]) => key !== '').slice(0, MAX_LOOKUPS);
  const linked = new Map<string, Person>();
  await Promise.all(
    distinct.map(async ([key, name]) => {
      const last = name.trim().split(/\s+/).pop() ?? name;
      const queries = [...new Set([last, last.normalize('NFKD').replace(/\p{M}+/gu, '')])];
      const found = (await Promise.all(queries.map((q) => find(issueKey, q)))).flat();
      const matches = new Map(found.filter((p) => matchKey(p.displayName) === key).map((p) => [p.accountId, p]));
      if (matches.size === 1) linked.set(key, [...matches.values()][0]);
    }),
  );
  return linked;
}

/**
 * Adds chat messages as "chat excerpt" manual entries with one versioned write of the review
 * (manual entries live in it; no stored chunk is read or written). Messages whose id is already
 * on the timeline, or repeated in the import, are skipped.
 */
export async function importChat(
  deps: TimelineDeps,
  findUsers: UserFinder,
  issueKey: string,
  entries: readonly ChatImportEntry[],
  version: number,
): Promise<ChatImportResult> {
  const people = await linkAuthors(
    findUsers,
    issueKey,
    entries.map((e) => e.author),
  );
  // Filled in by the edit once it has read the review: the ids the write really adds.
  const touched: Touched & { changed: string[] } = { changed: [] };
  let skipped = 0;
  const change = await edit(deps, issueKey, version, touched, (state) => {
    const known = new Set(state.manual.map((m) => m.id));
    const added = [];
    for (const e of entries) {
      const id = chatEntryId(e);
      if (known.has(id)) {
        skipped += 1;
        continue;
      }
      known.add(id);
      const actor = people.get(matchKey(e.author)) ?? null;
      added.push({ ...manualEntry(id, { at: e.at, manualKind: 'chat-excerpt', actorName: e.author, text: e.text }, issueKey), actor });
      touched.changed.push(id);
    }
    return added.length === 0 ? state : { ...state, manual: [...state.manual, ...added] };
  });
  const linked = [
    ...new Map(
      entries.flatMap((e) => {
        const p = people.get(matchKey(e.author));
        return p ? [[matchKey(e.author), { name: e.author, person: p }] as const] : [];
      }),
    ).values(),
  ];
  return { ...change, added: touched.changed.length, skipped, linked };
}
