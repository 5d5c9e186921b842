import type { IncidentSources } from '../domain/sources';
import type { JiraPort } from '../jira/jira-port';
import type { CommentLookupPort } from '../jira/comment-lookup-port';
import type { ViewerAccessPort } from '../jira/viewer-access-port';
import type { TimelineStore } from '../storage/timeline-store';
import type { SummaryIndexer } from './summary-indexer';

/** What the timeline use cases need; production wiring is in src/resolvers/wiring.ts. */
export interface TimelineDeps {
  jira: JiraPort;
  /** Pulls the incident's sources from Jira as the caller; null when not visible. */
  fetchSources(issueKey: string): Promise<IncidentSources | null>;
  /** What the caller may see of a timeline's sources, asked of Jira as the caller (cached for the invocation). */
  access: ViewerAccessPort;
  /** Comments as the app sees them, for a refresh to tell deleted from restricted. */
  comments: CommentLookupPort;
  store: TimelineStore;
  now(): Date;
  newId(): string;
  accountId: string;
  /** Keeps the After Action Summaries index in step with saves. */
  summaries: SummaryIndexer;
}
