import type { ActionItemInput, ActionQuestion, ContributingFactor, ReviewContent, ReviewDoc } from '../../../../src/contract';

/** Customer impact as the form asks it: a three-way answer instead of `boolean | null`. */
export type ImpactAnswer = 'yes' | 'no' | 'unknown';

/** What the form edits: the contract's content with dates and the impact answer as inputs hold them. */
export interface ContentDraft extends Omit<ReviewContent, 'meeting' | 'customerImpact'> {
  meeting: Omit<ReviewContent['meeting'], 'meetingDate'> & { meetingDate: string };
  customerImpact: { affected: ImpactAnswer; text: string };
}

export interface ItemDraft extends Omit<ActionItemInput, 'dueDate'> {
  dueDate: string;
}

export interface ReviewDraft {
  content: ContentDraft;
  actionItems: ItemDraft[];
}

/** What 'review/save' takes besides the issue key and version. */
export interface SavePayload {
  content: ReviewContent;
  actionItems: ActionItemInput[];
}

export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

const answerOf = (affected: boolean | null): ImpactAnswer => (affected === null ? 'unknown' : affected ? 'yes' : 'no');
const affectedOf = (answer: ImpactAnswer): boolean | null => (answer === 'unknown' ? null : answer === 'yes');

/** The form's starting point for a loaded (or just saved) review. */
export function toDraft(doc: Pick<ReviewDoc, 'content' | 'actionItems'>): ReviewDraft {
  const { content } = doc;
  return {
    content: {
      ...content,
      meeting: { ...content.meeting, meetingDate: content.meeting.meetingDate ?? '' },
      customerImpact: { affected: answerOf(content.customerImpact.affected), text: content.customerImpact.text },
    },
    actionItems: doc.actionItems.map(({ id, summary, description, owner, dueDate, priority, question }) => ({
      id,
      summary,
      description,
      owner,
      dueDate: dueDate ?? '',
      priority,
      question,
    })),
  };
}

/**
 * The save payload for a draft. Free text is sent as typed (only the title is trimmed, as Jira
 * trims summaries); chips are already normalised when added.
 */
export function fromDraft(draft: ReviewDraft): SavePayload {
  const { content } = draft;
  return {
    content: {
      ...content,
      meeting: { ...content.meeting, title: content.meeting.title.trim(), meetingDate: content.meeting.meetingDate || null },
      customerImpact: { affected: affectedOf(content.customerImpact.affected), text: content.customerImpact.text },
    },
    actionItems: draft.actionItems.map((item) => ({ ...item, summary: item.summary.trim(), dueDate: item.dueDate || null })),
  };
}

/** A new, empty action item; the id links it to its Jira sub-task for good. */
export function newItem(id: string, question: ActionQuestion = 'other'): ItemDraft {
  return { id, summary: '', description: '', owner: null, dueDate: '', priority: 'Medium', question };
}

export function newFactor(id: string): ContributingFactor {
  return { id, text: '', category: 'other' };
}

/** Moves the element at `from` by `delta` places; out-of-range moves leave the list as it is. */
export function moveBy<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}
