/** Publishing to Confluence and the Confluence macro. Part of the contract (src/contract.ts). */
import type { IncidentOverview } from './common';
import type { ReviewDoc } from './review';
import type { CommentRestriction, TimelineView } from './timeline';

export interface SpaceSummary {
  id: string;
  key: string;
  name: string;
}

export interface PageSummary {
  id: string;
  title: string;
  spaceId: string;
}

export interface PublishTarget {
  spaceId: string;
  spaceKey: string;
  /** The page to publish under; null publishes at the space's root. */
  parentId: string | null;
}

export interface PublishedPage {
  pageId: string;
  url: string;
  title: string;
  version: number;
  publishedAt: string;
}

/**
 * What the internal report would copy into Confluence that not every reader of a space may see in
 * Jira, counted over the entries the publisher may see. A Confluence space has its own audience.
 */
export interface PublishAudience {
  /** Entries from issues outside the incident's project, and those projects. */
  otherProjectEntries: number;
  otherProjects: string[];
  /** Comments restricted in Jira: left out of the report unless the publisher includes them knowingly. */
  restrictedEntries: number;
  /** The roles and groups those comments are restricted to (as Jira names them). */
  restrictions: CommentRestriction[];
}

/** Whether Confluence is connected to the app's installation on this site (it is optional). */
export type ConfluenceConnection = 'available' | 'not-connected';

export interface PublishState {
  /** 'not-connected': publishing is disabled and the form says why; the other fields still hold what was published before. */
  confluence: ConfluenceConnection;
  /** The target remembered for the incident's Jira project, if any. */
  target: PublishTarget | null;
  /**
   * The title of the remembered target's parent page as the caller sees it in Confluence, so the
   * form can name it; null at the space's root, or when that page is gone or hidden from the caller.
   */
  targetParentTitle: string | null;
  internal: PublishedPage | null;
  external: PublishedPage | null;
  /** Null before the review's timeline is started. */
  audience: PublishAudience | null;
}

export interface PublishResult {
  page: PublishedPage;
  /** 'created' the first time (or after the page was deleted), else 'updated' (version + 1). */
  outcome: 'created' | 'updated';
  doc: ReviewDoc;
}

/** The external summary exactly as it will be published: no names, no comment text, nothing internal. */
export interface ExternalSummary {
  title: string;
  summary: string;
  servicesImpacted: string[];
  duration: string;
  severity: string;
  customerImpact: string;
  proximateCause: string;
  resolution: string;
  countermeasures: string[];
  /** The template's questions marked public, with their answers (names scrubbed); absent when there are none. */
  answers?: { question: string; answer: string }[];
}

export type MacroView = 'full' | 'summary' | 'timeline' | 'actions';

export interface MacroConfig {
  issueKey?: string;
  view?: MacroView;
}

export type MacroResult =
  | { state: 'ok'; view: MacroView; incident: IncidentOverview; timeline: TimelineView | null; doc: ReviewDoc }
  | { state: 'not-configured' }
  /** Said the same way for a missing incident and one the viewer cannot browse: nothing leaks. */
  | { state: 'no-access' };
