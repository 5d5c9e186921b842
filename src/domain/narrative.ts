import type {
  KeyMomentName,
  KeyMoments,
  Metrics,
  NarrativeDraft,
  NarrativeSentence,
  NarrativeSource,
  Severity,
  TimelineEntry,
} from '../contract';
import { checkBlameless } from './blameless/check';
import { formatDuration } from './duration-format';
import { wallClockTime } from './markdown-time';

/** What the drafter reads: the timeline as the viewer sees it (src/use-cases/narrative.ts). */
export interface NarrativeInput {
  incident: { key: string; summary: string };
  severity: Severity;
  moments: KeyMoments;
  metrics: Metrics;
  /** Entries the viewer may see: the annotated ones, and any other a moment points at. */
  entries: readonly TimelineEntry[];
  /** An IANA zone Intl knows (see reportTimeZone). */
  timeZone: string;
  /** People on the review, for the blameless check of the draft. */
  knownNames: readonly string[];
}

/** At most this many entries each for "helped" and "slowed": a paragraph, not the timeline again. */
const PER_IMPACT = 4;
const QUOTE_MAX = 140;

type KindKey = NonNullable<TimelineEntry['annotation']['kind']> | 'none';
const KIND_PHRASE: Record<KindKey, string> = {
  task: 'a step',
  'human-interaction': 'an exchange',
  automation: 'an automated step',
  none: 'an update',
};
/** How the person joins the phrase: the person is never the subject of the sentence. */
const BY: Record<KindKey, string> = { task: 'taken by', 'human-interaction': 'involving', automation: 'run by', none: 'from' };

const SOURCE_LABEL: Record<TimelineEntry['source'], string> = {
  created: 'Created',
  comment: 'Comment',
  status: 'Status change',
  assignment: 'Assignment',
  priority: 'Priority change',
  resolution: 'Resolution',
  link: 'Link',
  'remote-link': 'Remote link',
  field: 'Field change',
  manual: 'Added by hand',
};

function actorOf(e: TimelineEntry): string | null {
  return e.actor?.displayName ?? (e.actorName?.trim() || null);
}

function sourceOf(e: TimelineEntry, timeZone: string): NarrativeSource {
  const actor = actorOf(e);
  const when = wallClockTime(e.at, timeZone) ?? e.at;
  const label = `${when} · ${SOURCE_LABEL[e.source]} on ${e.issueKey}${actor ? ` · ${actor}` : ''}`;
  return { entryId: e.id, at: e.at, label, ...(e.url ? { url: e.url } : {}) };
}

/** "19:44", or "19:44 on 2026-10-17" the first time a day is named. */
function clock(iso: string, timeZone: string, day: { last: string | null }): string {
  const wall = wallClockTime(iso, timeZone);
  if (!wall) return iso;
  const [date, time] = wall.split(' ') as [string, string];
  if (day.last === date) return time;
  day.last = date;
  return `${time} on ${date}`;
}

/** A short, single-line quote of an entry's text, cut at a word. */
function quoteOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_MAX) return flat;
  const cut = flat.slice(0, QUOTE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > QUOTE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/**
 * "What happened", drafted from the key moments, the metrics and the entries annotated as helping
 * or slowing recovery: each sentence with the entries it came from. Pure and deterministic (same
 * input, same text). Blameless by construction: people are never the subject of a verb ("a step
 * taken by Maya helped recovery"), and a sentence the blameless rules still object to (a quoted
 * entry's wording) is written without the quote, or left out.
 */
export function draftNarrative(input: NarrativeInput): NarrativeDraft {
  const { moments, metrics, timeZone } = input;
  const byId = new Map(input.entries.map((e) => [e.id, e]));
  const day = { last: null as string | null };
  const sentences: NarrativeSentence[] = [];
  const ctx = { knownNames: input.knownNames, field: 'description' as const };
  const clean = (text: string) => checkBlameless(text, ctx).length === 0;
  /** Adds the first of `variants` (most to least detailed) the blameless rules accept. */
  const add = (variants: readonly string[], sources: NarrativeSource[]) => {
    const text = variants.find(clean);
    if (text) sentences.push({ text, sources });
  };
  const momentSources = (...names: KeyMomentName[]) =>
    names.flatMap((n) => {
      const e = moments[n].entryId ? byId.get(moments[n].entryId) : undefined;
      return e ? [sourceOf(e, timeZone)] : [];
    });
  const at = (n: KeyMomentName) => moments[n].at;

  const summary = quoteOf(input.incident.summary);
  const detected = at('detected');
  const impact = at('impactStarted');
  if (detected) {
    const lead = metrics.detection.known && metrics.detection.ms > 0 && impact ? `Impact started at ${clock(impact, timeZone, day)}; ` : '';
    const when = clock(detected, timeZone, day);
    const after = lead && metrics.detection.known ? `, ${formatDuration(metrics.detection.ms)} later` : '';
    const what = `${input.incident.key} (${input.severity.label})`;
    add(
      [
        `${lead}${lead ? 'the' : 'The'} incident ${what}, “${summary}”, was detected at ${when}${after}.`,
        `${lead}${lead ? 'the' : 'The'} incident ${what} was detected at ${when}${after}.`,
      ],
      momentSources('impactStarted', 'detected'),
    );
  }
  const acknowledged = at('acknowledged');
  if (acknowledged) {
    const tta = metrics.tta.known ? ` (time to acknowledge: ${formatDuration(metrics.tta.ms)})` : '';
    add([`It was acknowledged at ${clock(acknowledged, timeZone, day)}${tta}.`], momentSources('acknowledged'));
  }
  const identified = at('identified');
  if (identified) {
    const response = metrics.response.known ? `, ${formatDuration(metrics.response.ms)} after detection` : '';
    add([`The problem was identified at ${clock(identified, timeZone, day)}${response}.`], momentSources('identified'));
  }

  const annotated = [...input.entries].sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : 1));
  const VERB = { positive: 'helped recovery', negative: 'slowed recovery' } as const;
  // The first few of each, told in the order they happened.
  const told = (['positive', 'negative'] as const).flatMap((impact) =>
    annotated.filter((x) => x.annotation.impact === impact).slice(0, PER_IMPACT),
  );
  for (const e of annotated.filter((x) => told.includes(x))) {
    const verb = VERB[e.annotation.impact as keyof typeof VERB];
    const actor = actorOf(e);
    const kindKey = e.annotation.kind ?? 'none';
    const kind = KIND_PHRASE[kindKey];
    const who = actor ? `${kind} ${BY[kindKey]} ${actor}` : kind;
    const when = clock(e.at, timeZone, day);
    const quote = quoteOf(e.text);
    const subject = `At ${when}, ${who} ${verb}`;
    add(
      quote ? [`${subject}: “${quote}”`, `${subject}.`, `At ${when}, ${kind} ${verb}.`] : [`${subject}.`, `At ${when}, ${kind} ${verb}.`],
      [sourceOf(e, timeZone)],
    );
  }

  const restored = at('restored');
  if (restored) {
    const ttr = metrics.ttr.known ? ` (time to recover: ${formatDuration(metrics.ttr.ms)})` : '';
    add([`Service was restored at ${clock(restored, timeZone, day)}${ttr}.`], momentSources('restored'));
  }
  const closed = at('closed');
  if (closed) add([`The incident was closed at ${clock(closed, timeZone, day)}.`], momentSources('closed'));

  return { text: sentences.map((s) => s.text).join(' '), sentences };
}
