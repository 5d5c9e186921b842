import type { MacroConfig, MacroResult, MacroView, TimelineResult } from '../contract';
import { AppFailure } from '../domain/app-error';
import type { DocDeps } from './review-doc';
import { getReviewDoc } from './review-doc';

const VIEWS: readonly MacroView[] = ['full', 'summary', 'timeline', 'actions'];

/**
 * What the Confluence macro shows, read as the page's viewer. A viewer who cannot browse the
 * incident (or a key that does not exist) gets `no-access` and nothing else: not the summary,
 * not even whether the incident exists.
 */
export async function macroData(deps: DocDeps, timeline: (issueKey: string) => Promise<TimelineResult>, config: MacroConfig): Promise<MacroResult> {
  if (!config.issueKey) return { state: 'not-configured' };
  const view = config.view && VIEWS.includes(config.view) ? config.view : 'full';
  try {
    const t = await timeline(config.issueKey);
    const doc = await getReviewDoc(deps, config.issueKey);
    return { state: 'ok', view, incident: t.incident, timeline: t.started ? t : null, doc };
  } catch (e) {
    if (e instanceof AppFailure && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) return { state: 'no-access' };
    throw e;
  }
}
