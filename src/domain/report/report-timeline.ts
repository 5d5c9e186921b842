import type { TimelineEntry, TimelineView } from '../../contract';
import { IMPACT_LABELS, PHASE_LABELS } from '../../vocabulary';
import { wallClockTime } from '../markdown-time';
import { MOMENT_LABELS } from '../metrics';
import { MANUAL_LABELS, SOURCE_LABELS } from '../labels';
import { selectWithinBudget } from '../timeline-budget';
import { el, escapeText, link, multiline, shorten, textEl, utf8Length, type Markup } from './storage-xml';

/**
 * The internal report's timeline table, kept inside a byte budget (see timeline-budget.ts) so
 * that the page of a very large incident (16,500 entries) stays well under Confluence's 5 MB body
 * limit. The embedded macro above it always shows the whole live timeline.
 */
export const TIMELINE_BYTE_BUDGET = 1_500_000;

/** A Jira comment can hold 32,767 characters; a table cell shows the start and links to the rest. */
export const ENTRY_TEXT_MAX = 2_000;

/** Markers before an entry's text; "internal" shows because this is the internal report. */
function markers(entry: TimelineEntry): Markup[] {
  const marks: string[] = [];
  if (entry.annotation.internal) marks.push('internal');
  if (entry.restricted) marks.push('restricted in Jira');
  if (entry.deletedInJira) marks.push('deleted in Jira');
  if (entry.shortened) marks.push('shortened, open in Jira');
  if (entry.annotation.moments.length > 0)
    marks.push(`marks: ${entry.annotation.moments.map((m) => MOMENT_LABELS[m].toLowerCase()).join(', ')}`);
  return marks.map((m) => textEl('strong', m));
}

function entryRow(entry: TimelineEntry, timeZone: string): Markup {
  const source = entry.manualKind ? MANUAL_LABELS[entry.manualKind] : SOURCE_LABELS[entry.source];
  const issue = entry.relation && entry.relation !== 'incident' ? `${entry.issueKey} (${entry.relation})` : entry.issueKey;
  const actor = entry.actor?.displayName ?? entry.actorName ?? '';
  const text = [...markers(entry), multiline(shorten(entry.text, ENTRY_TEXT_MAX))].filter(Boolean).join(' · ');
  const cells = [
    escapeText(wallClockTime(entry.at, timeZone) ?? `unreadable time ${entry.at}`),
    escapeText(entry.annotation.phase ? PHASE_LABELS[entry.annotation.phase] : ''),
    escapeText(entry.annotation.impact ? IMPACT_LABELS[entry.annotation.impact] : ''),
    escapeText(actor),
    `${link(source, entry.url)}<br/>${escapeText(issue)}`,
    text,
  ];
  return el('tr', cells.map((c) => el('td', c)).join(''));
}

export function timelineTable(timeline: TimelineView, timeZone: string, budget = TIMELINE_BYTE_BUDGET): Markup {
  const { entries } = timeline;
  if (entries.length === 0) return el('p', el('em', 'No timeline entries.'));
  const rows = entries.map((entry) => entryRow(entry, timeZone));
  const shown = selectWithinBudget(entries, rows.map(utf8Length), budget);
  const kept = rows.filter((_, i) => shown[i]);
  const head = el('tr', ['Time', 'Phase', 'Impact', 'Actor', 'Source / issue', 'Text'].map((h) => textEl('th', h)).join(''));
  const note =
    kept.length < rows.length
      ? textEl(
          'p',
          `Showing ${kept.length} of ${rows.length} entries (the annotated ones first) to keep this page within Confluence's size limit. ` +
            'The live view above has the whole timeline.',
        )
      : '';
  const zone = textEl('p', `Times in ${timeZone}.`);
  return zone + note + el('table', el('tbody', [head, ...kept].join('')));
}
