import type { SourceComment } from '../domain/sources';

/** Comments as the app sees them (every comment, restricted or not): how a refresh tells a deleted comment from one the refresher may not read. */
export interface CommentLookupPort {
  comments(issueKeyOf: ReadonlyMap<string, string>): Promise<Map<string, SourceComment>>;
}
