import type {
  ExternalSummary,
  IncidentOverview,
  PageSummary,
  PublishAudience,
  PublishedPage,
  PublishResult,
  PublishState,
  PublishTarget,
  ReviewDoc,
  SpaceSummary,
  TimelineResult,
  TimelineView,
} from '../contract';
import { requireTemplateFields } from '../domain/templates/required-check';
import { AppFailure } from '../domain/app-error';
import { buildExternalSummary, renderExternalSummary } from '../domain/report/external-summary';
import { internalPageTitle, renderInternalReport } from '../domain/report/internal-report';
import type { ConfluencePage, ConfluencePort, PageWrite } from '../confluence/confluence-port';
import { withConfluence, type ConfluenceConnectionCheck } from '../confluence/confluence-connection';
import type { RemoteLinkPort } from '../jira/remote-link';
import type { PageKind, PublishStore } from '../storage/publish-store';
import { savedOrConflict } from '../storage/timeline-store';
import type { StoredReviewDoc } from '../storage/review-doc-store';
import { getIncidentOverview } from './get-incident-overview';
import { loadOrDefault, toReviewDoc, type DocDeps } from './review-doc';
import { projectOf, utcDay } from '../domain/issue-key';
import { withoutRestricted } from '../domain/report/publish-audience';

export interface PublishDeps {
  doc: DocDeps;
  /** The incident's timeline as the caller (authorises again; `started: false` before a review). */
  timeline(issueKey: string): Promise<TimelineResult>;
  /** What a report would quote that a space's readers may not see in Jira, as the caller sees it (authorises; null before a review). */
  audience(issueKey: string): Promise<PublishAudience | null>;
  confluence: ConfluencePort;
  /** Confluence is optional: whether it is connected to this installation (asked once per invocation). */
  confluenceConnection: ConfluenceConnectionCheck;
  remoteLink: RemoteLinkPort;
  store: PublishStore;
  /** `<appId>/<environmentId>/static/<macroKey>` of this app's macro, from the invocation. */
  macroExtensionKey(): string;
}

/** The remote link on the incident that points at its internal report; re-publishing updates it in place. */
export const reportLinkGlobalId = (incidentKey: string): string => `pir-report:${incidentKey}`;

const CONFLICT_MESSAGE = 'Someone else changed this review since you opened it. We reloaded it: check it and publish again.';
const STALE_PAGE_MESSAGE =
  'Someone is editing the Confluence page right now, so it changed twice while we published. Try again in a moment.';

/** Every publish resolver starts here: the caller must be able to browse the incident (as themselves). */
function authorise(deps: PublishDeps, issueKey: string): Promise<IncidentOverview> {
  return getIncidentOverview(deps.doc.jira, issueKey);
}

export async function searchSpaces(deps: PublishDeps, issueKey: string, query: string): Promise<SpaceSummary[]> {
  await authorise(deps, issueKey);
  return withConfluence(deps.confluenceConnection, () => deps.confluence.searchSpaces(query));
}

export async function listPages(deps: PublishDeps, issueKey: string, spaceId: string, parentId: string | null): Promise<PageSummary[]> {
  await authorise(deps, issueKey);
  return withConfluence(deps.confluenceConnection, async () => {
    if (parentId === null) {
      if (!(await deps.confluence.getSpace(spaceId)))
        throw new AppFailure('NOT_FOUND', 'That Confluence space does not exist or you cannot see it.');
      return deps.confluence.rootPages(spaceId);
    }
    const pages = await deps.confluence.childPages(parentId);
    return pages.filter((p) => p.spaceId === spaceId);
  });
}

export async function getPublishState(deps: PublishDeps, issueKey: string): Promise<PublishState> {
  // The audience read checks the caller's access (as every publish resolver does) before anything else is read.
  const audience = await deps.audience(issueKey);
  const [confluence, target, internal, external] = await Promise.all([
    deps.confluenceConnection(),
    deps.store.loadTarget(projectOf(issueKey)),
    deps.store.loadPage(issueKey, 'internal'),
    deps.store.loadPage(issueKey, 'external'),
  ]);
  // One more Confluence read, as the caller, only when a parent page is remembered: the form names it.
  const parent = confluence === 'available' && target?.parentId ? await deps.confluence.getPage(target.parentId) : null;
  return { confluence, target, targetParentTitle: parent?.title ?? null, internal, external, audience };
}

/** What both publish flows read first: authorised incident, the review at the version the user saw, and the timeline. */
interface Loaded {
  incident: IncidentOverview;
  stored: StoredReviewDoc;
  timeline: TimelineView | null;
}

async function load(deps: PublishDeps, issueKey: string, version: number | null): Promise<Loaded> {
  // The timeline read checks the caller's access; the document reuses the incident it read.
  const t = await deps.timeline(issueKey);
  const stored = await loadOrDefault(deps.doc, issueKey, t.incident);
  // Checked before anything is sent to Confluence: a stale panel publishes nothing.
  if (version !== null && stored.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  // A publish (a version is named; a preview names none) waits for what the review's template requires.
  if (version !== null) requireTemplateFields(stored.doc.content, stored.doc.actionItems);
  return { incident: t.incident, stored, timeline: t.started ? t : null };
}

/** The target as Confluence knows it: the space must be visible to the caller; its key is Confluence's, not the payload's. */
async function resolveTarget(deps: PublishDeps, target: PublishTarget): Promise<PublishTarget> {
  // The first Confluence call of a publish: on a site without Confluence it stops here, before any write.
  return withConfluence(deps.confluenceConnection, async () => {
    const space = await deps.confluence.getSpace(target.spaceId);
    if (!space) throw new AppFailure('NOT_FOUND', 'That Confluence space does not exist or you cannot see it.');
    return { spaceId: space.id, spaceKey: space.key, parentId: target.parentId };
  });
}

/**
 * PUT version + 1; Confluence answers 409 when someone saved in between: re-read once and
 * write on top of theirs (the report is generated, so the newest generation wins).
 */
async function updateInPlace(deps: PublishDeps, page: ConfluencePage, write: PageWrite): Promise<ConfluencePage | null> {
  let current = page;
  for (let attempt = 1; ; attempt++) {
    const move = write.parentId !== null && write.parentId !== current.parentId;
    const result = await deps.confluence.updatePage(current.id, current.version + 1, { ...write, move });
    if (result === 'gone') return null;
    if (result !== 'stale') return result;
    if (attempt >= 2) throw new AppFailure('CONFLICT', STALE_PAGE_MESSAGE);
    const fresh = await deps.confluence.getPage(current.id);
    if (!fresh) return null;
    current = fresh;
  }
}

/**
 * Idempotent page write. The recorded page is updated in place while it exists in the target
 * space; otherwise the page with the same (deterministic, per-space unique) title is adopted, so
 * a publish that failed after creating the page never leads to a duplicate; only when neither
 * exists is a page created (POST is sent once: it is not idempotent).
 */
async function upsertPage(
  deps: PublishDeps,
  recorded: PublishedPage | null,
  write: PageWrite,
): Promise<{ page: ConfluencePage; outcome: 'created' | 'updated' }> {
  const live = recorded ? await deps.confluence.getPage(recorded.pageId) : null;
  let existing = live && live.spaceId === write.spaceId ? live : await deps.confluence.findPageByTitle(write.spaceId, write.title);
  if (!existing) {
    const created = await deps.confluence.createPage(write);
    if (created !== 'title-taken') return { page: created, outcome: 'created' };
    // Another publish created it between our look-up and our create: write on top of it.
    existing = await deps.confluence.findPageByTitle(write.spaceId, write.title);
    if (!existing)
      throw new AppFailure(
        'VALIDATION',
        `A page titled "${write.title}" already exists in this space and cannot be updated by you. Rename or move it, then publish again.`,
      );
  }
  const updated = await updateInPlace(deps, existing, write);
  if (updated) return { page: updated, outcome: 'updated' };
  // Deleted between our read and our write: create it again.
  const again = await deps.confluence.createPage(write);
  if (again === 'title-taken') throw new AppFailure('CONFLICT', STALE_PAGE_MESSAGE);
  return { page: again, outcome: 'created' };
}

async function publishPage(
  deps: PublishDeps,
  issueKey: string,
  kind: PageKind,
  write: PageWrite,
): Promise<{ page: PublishedPage; outcome: 'created' | 'updated' }> {
  const recorded = await deps.store.loadPage(issueKey, kind);
  const { page, outcome } = await upsertPage(deps, recorded, write);
  // Single-page answers carry `_links.base`; a page found by title gets its URL from the update.
  const url = page.url || recorded?.url || '';
  const published: PublishedPage = {
    pageId: page.id,
    url,
    title: page.title,
    version: page.version,
    publishedAt: deps.doc.now().toISOString(),
  };
  // Recorded at once, before anything else can fail, so the next publish updates this page.
  await deps.store.savePage(issueKey, kind, published);
  return { page: published, outcome };
}

/** The review's status becomes 'published' by one versioned write at the version the user saw. */
async function markPublished(deps: PublishDeps, stored: StoredReviewDoc): Promise<ReviewDoc> {
  const now = deps.doc.now();
  const next: StoredReviewDoc = {
    ...stored,
    version: stored.version + 1,
    updatedAt: now.getTime(),
    doc: { ...stored.doc, status: 'published' },
  };
  // On a lost race the page is already published and recorded; publishing again updates it in place.
  await savedOrConflict(() => deps.doc.docs.save(next, stored.version === 0 ? null : stored.version), CONFLICT_MESSAGE);
  return toReviewDoc(next, utcDay(now));
}

/**
 * Publishes the internal report (or re-publishes it in place), links it from the incident,
 * remembers the target for the project and marks the review published.
 */
export async function publishInternal(
  deps: PublishDeps,
  issueKey: string,
  requested: PublishTarget,
  version: number,
  timeZone = 'UTC',
  includeRestricted = false,
): Promise<PublishResult> {
  const loaded = await load(deps, issueKey, version);
  const { incident, stored } = loaded;
  // The timeline is already what the publisher may see; restricted comments go only when asked for.
  const timeline = loaded.timeline && !includeRestricted ? withoutRestricted(loaded.timeline) : loaded.timeline;
  const target = await resolveTarget(deps, requested);
  const now = deps.doc.now();
  const doc = { ...toReviewDoc(stored, utcDay(now)), status: 'published' as const };
  const storage = renderInternalReport({
    incident,
    timeline,
    doc,
    macro: {
      extensionKey: deps.macroExtensionKey(),
      localId: `pir-review-${issueKey.toLowerCase()}`,
      title: 'Post-incident review',
      view: 'full',
    },
    timeZone,
    generatedAt: now.toISOString(),
  });
  const { page, outcome } = await publishPage(deps, issueKey, 'internal', {
    spaceId: target.spaceId,
    parentId: target.parentId,
    title: internalPageTitle(incident),
    storage,
  });
  await deps.remoteLink(issueKey, {
    globalId: reportLinkGlobalId(issueKey),
    url: page.url,
    title: page.title,
    summary: 'Post-incident review in Confluence',
  });
  await deps.store.saveTarget(projectOf(issueKey), target);
  const published = await markPublished(deps, stored);
  await deps.doc.summaries.docChanged(published, incident, page.url);
  return { page, outcome, doc: published };
}

/**
 * The summary of the review as saved: the proximate cause and resolution are part of the review
 * document, so a re-publish from a reloaded panel publishes them again instead of "Not stated".
 */
async function externalSummaryOf(deps: PublishDeps, issueKey: string, version: number | null) {
  const loaded = await load(deps, issueKey, version);
  const doc = toReviewDoc(loaded.stored, utcDay(deps.doc.now()));
  const { proximateCause, resolution } = doc.content.externalSummary;
  return {
    loaded,
    doc,
    summary: buildExternalSummary({ incident: loaded.incident, timeline: loaded.timeline, doc, proximateCause, resolution }),
  };
}

/** Exactly what publish/external would put on the page, and nothing is written. */
export async function previewExternal(deps: PublishDeps, issueKey: string): Promise<ExternalSummary> {
  return (await externalSummaryOf(deps, issueKey, null)).summary;
}

/**
 * Publishes the external summary to its own page (same idempotent write as the report). It gets
 * no remote link: the incident links to the internal report, which is what responders need; the
 * summary is for customers. The review's status is left as it is.
 */
export async function publishExternal(
  deps: PublishDeps,
  issueKey: string,
  requested: PublishTarget,
  version: number,
): Promise<PublishResult> {
  const { doc, summary } = await externalSummaryOf(deps, issueKey, version);
  const target = await resolveTarget(deps, requested);
  const { page, outcome } = await publishPage(deps, issueKey, 'external', {
    spaceId: target.spaceId,
    parentId: target.parentId,
    // The summary's own title, scrubbed of every known name: the page is titled as the preview shows.
    title: summary.title,
    storage: renderExternalSummary(summary),
  });
  await deps.store.saveTarget(projectOf(issueKey), target);
  return { page, outcome, doc };
}
