import type { DurationValue, KeyMomentName, MomentValue, TimelineEntry, TimelineView } from '../contract';
import { NONE_RECORDED, table, tableOrNone } from './markdown-blocks';
import { escapeCell, escapeInline, link } from './markdown-escape';
import { wallClockTime } from './markdown-time';
import { formatDuration, MOMENT_LABELS, MOMENT_ORDER } from './metrics';
import { MANUAL_LABELS, METRIC_ROWS, SOURCE_LABELS } from './labels';
import { selectWithinBudget } from './timeline-budget';
import { utf8Length } from './timeline-page';

/** The report's parts that come from the timeline: key metrics, key moments and what happened. */

/** A duration for the report: never 0 for an unknown one, which says why it is unknown. */
export function durationText(value: DurationValue): string {
  if (value.known) return formatDuration(value.ms);
  if (value.reason === 'out-of-order') return 'unknown (moments out of order)';
  return `unknown (missing: ${value.moments.map((m) => MOMENT_LABELS[m].toLowerCase()).join(', ')})`;
}

export function keyMetrics(timeline: TimelineView | null): string {
  if (!timeline) return NONE_RECORDED;
  const rows = table(
    ['Metric', 'Value'],
    METRIC_ROWS.map(([name, label]) => [label, durationText(timeline.metrics[name])]),
  );
  // The problem messages are the app's own words, escaped all the same.
  const problems = timeline.problems.map((p) => `- ${escapeInline(p.message)}`).join('\n');
  return problems ? `${rows}\n\n${problems}` : rows;
}

const MOMENT_SOURCES: Record<MomentValue['source'], string> = {
  derived: 'derived from the timeline',
  marked: 'marked on a timeline entry',
  override: 'set by the facilitator',
  none: '',
};

/** The report's time of an instant, "2026-10-17 19:46 (Europe/London)", escaped for a line or a cell. */
export function zonedTime(iso: string, timeZone: string): string {
  const wall = wallClockTime(iso, timeZone);
  return wall ? `${wall} (${escapeInline(timeZone)})` : escapeInline(`unreadable time ${iso}`);
}

/** The six main moments always (an unset one says so); the optional extras only when set. */
export function keyMoments(timeline: TimelineView | null, timeZone: string): string {
  if (!timeline) return NONE_RECORDED;
  const extras = (Object.keys(MOMENT_LABELS) as KeyMomentName[]).filter(
    (m) => !(MOMENT_ORDER as readonly string[]).includes(m) && timeline.moments[m]?.at,
  );
  const rows = [...MOMENT_ORDER, ...extras].map((name) => {
    const moment = timeline.moments[name];
    const at = moment?.at ? zonedTime(moment.at, timeZone) : 'not set';
    const source = moment ? MOMENT_SOURCES[moment.source] : '';
    return [escapeCell(MOMENT_LABELS[name]), at, moment?.hiddenEntry ? `${source}, from an entry you cannot see` : source];
  });
  return table(['Moment', 'Time', 'Source'], rows);
}

/** Markers the exporter writes before an entry's text; "internal" because this is the internal report. */
function markers(entry: TimelineEntry): string[] {
  const marks: string[] = [];
  if (entry.annotation.internal) marks.push('**internal**');
  if (entry.restricted) marks.push('**restricted in Jira**');
  if (entry.deletedInJira) marks.push('**deleted in Jira**');
  if (entry.shortened) marks.push('**shortened, open in Jira**');
  if (entry.annotation.moments.length > 0)
    marks.push(`**marks: ${entry.annotation.moments.map((m) => escapeCell(MOMENT_LABELS[m].toLowerCase())).join(', ')}**`);
  return marks;
}

function entryRow(entry: TimelineEntry, timeZone: string): string[] {
  const source = entry.manualKind ? MANUAL_LABELS[entry.manualKind] : SOURCE_LABELS[entry.source];
  const issue =
    entry.relation && entry.relation !== 'incident'
      ? `${escapeCell(entry.issueKey)} (${escapeCell(entry.relation)})`
      : escapeCell(entry.issueKey);
  const actor = entry.actor?.displayName ?? entry.actorName ?? '';
  const text = [...markers(entry), escapeCell(entry.text)].filter(Boolean).join(' · ');
  return [
    escapeCell(wallClockTime(entry.at, timeZone) ?? `unreadable time ${entry.at}`),
    link(source, entry.url),
    issue,
    escapeCell(actor),
    text,
    entry.annotation.phase ?? '',
    entry.annotation.impact ?? '',
  ];
}

/** Every entry, in the timeline's order, internal ones included and marked. */
/**
 * The export is one resolver answer, which Forge caps (6 MB on its Lambda runtime): the timeline
 * table keeps within this budget (the 16,500-entry incident would otherwise be 3.3 MB), curated
 * entries first, and says what it left out.
 */
export const MARKDOWN_TIMELINE_BUDGET = 1_500_000;

export function whatHappened(timeline: TimelineView | null, timeZone: string, budget = MARKDOWN_TIMELINE_BUDGET): string {
  if (!timeline) return NONE_RECORDED;
  const rows = timeline.entries.map((entry) => entryRow(entry, timeZone));
  // A row's written size: its cells, the pipes between them and the line break.
  const shown = selectWithinBudget(
    timeline.entries,
    rows.map((cells) => utf8Length(cells.join(' | ')) + 5),
    budget,
  );
  const kept = rows.filter((_, i) => shown[i]);
  const note =
    kept.length < rows.length
      ? `Showing ${kept.length} of ${rows.length} entries (the annotated ones first) to keep this export to a size that can be downloaded. The issue panel has the whole timeline.\n\n`
      : '';
  return note + tableOrNone([`Time (${escapeCell(timeZone)})`, 'Source', 'Issue', 'Actor', 'Text', 'Phase', 'Impact'], kept);
}
