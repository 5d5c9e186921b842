import type { Visibility } from '../domain/visibility';

/**
 * What one viewer may see of a timeline's sources, asked of Jira as that viewer (never remembered
 * from whoever pulled): which source issues they may browse now, and which restricted comments
 * they may read now. Answers are cached for the invocation, so a use case that asks twice (the
 * view, then a page of it) pays once.
 */
export interface ViewerAccessPort {
  visibility(issueKeys: readonly string[], restrictedCommentIds: readonly string[]): Promise<Visibility>;
}
