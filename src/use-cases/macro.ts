import type { MacroConfig, MacroResult, MacroView, TimelineResult, TimelineView } from '../contract';
import { AppFailure } from '../domain/app-error';
import { keyOf } from '../domain/timeline-page';
import type { DocDeps } from './review-doc';
import { getReviewDoc } from './review-doc';

const VIEWS: readonly MacroView[] = ['full', 'summary', 'timeline', 'actions'];
/** The views that show timeline entries (the recovery plot, the compact timeline); the others show only metrics. */
const SHOWS_ENTRIES: readonly MacroView[] = ['full', 'timeline'];

/** The view with no entries in hand: every page, the first included, is left to 'timeline/entries'. */
function withoutEntries(timeline: TimelineView): TimelineView {
  // A view read without entries (see openTimeline) already leaves every page to fetch.
  if (timeline.entries.length === 0) return timeline;
  const first = timeline.entries[0];
  return {
    ...timeline,
    entries: [],
    paging: { total: timeline.paging.total, pageStarts: first ? [keyOf(first), ...timeline.paging.pageStarts] : [] },
  };
}

/**
 * What the Confluence macro shows, read as the page's viewer. A viewer who cannot browse the
 * incident (or a key that does not exist) gets `no-access` and nothing else: not the summary,
 * not even whether the incident exists. `timeline` answers the first page of entries (the
 * frame fetches the rest with 'timeline/entries'), so the answer stays small whatever the
 * incident; a view that shows no entries gets none, since it is read on every page view.
 */
export async function macroData(
  deps: DocDeps,
  timeline: (issueKey: string, entries: boolean) => Promise<TimelineResult>,
  config: MacroConfig,
): Promise<MacroResult> {
  if (!config.issueKey) return { state: 'not-configured' };
  const view = config.view && VIEWS.includes(config.view) ? config.view : 'full';
  try {
    const t = await timeline(config.issueKey, SHOWS_ENTRIES.includes(view));
    // The timeline read has checked the viewer's access: the document reuses that incident.
    const doc = await getReviewDoc(deps, config.issueKey, t.incident);
    const shown = t.started ? (SHOWS_ENTRIES.includes(view) ? t : withoutEntries(t)) : null;
    return { state: 'ok', view, incident: t.incident, timeline: shown, doc };
  } catch (e) {
    if (e instanceof AppFailure && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) return { state: 'no-access' };
    throw e;
  }
}
