/**
 * Recognises the meeting notice a dead invocation may have posted: a comment by the person who
 * claimed it, created after the claim, mentioning exactly the meeting's participants. Pure: the
 * adapter passes Jira's comments already translated.
 */
export interface CommentSeen {
  id: string;
  authorId: string | null;
  /** Epoch ms. */
  created: number;
  mentionIds: string[];
}

export interface NoticeClaim {
  authorId: string;
  /** Epoch ms of the claim; the comment is posted after it. */
  since: number;
  mentionIds: readonly string[];
}

/** Clocks of Jira and the app may differ by a little: a comment this much "before" the claim still counts. */
export const CLOCK_SLACK_MS = 5_000;

export function matchesClaim(comment: CommentSeen, claim: NoticeClaim): boolean {
  if (comment.authorId !== claim.authorId || comment.created < claim.since - CLOCK_SLACK_MS) return false;
  const want = new Set(claim.mentionIds);
  const got = new Set(comment.mentionIds);
  return want.size === got.size && [...want].every((id) => got.has(id));
}

/** The account ids of every mention node in an ADF document, in document order. */
export function adfMentionIds(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { type?: unknown; attrs?: { id?: unknown }; content?: unknown };
  const own = n.type === 'mention' && typeof n.attrs?.id === 'string' ? [n.attrs.id] : [];
  const children = Array.isArray(n.content) ? n.content.flatMap(adfMentionIds) : [];
  return [...own, ...children];
}
