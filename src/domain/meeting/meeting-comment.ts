import type { DocNode } from '@atlaskit/adf-schema/doc';
import { doc, em, link, mention, paragraph, strong, text } from '@atlaskit/adf-utils/builders';
import type { Person } from '../../contract';
import { safeAbsoluteUrl } from '../safe-url';
import { describeWhen, type MeetingWhen } from './meeting-time';

/** Identifies the app's meeting notice among an incident's comments. */
export const NOTICE_MARK = 'Sent from the Post-incident review app on behalf of the facilitator.';

export interface MeetingCommentInput {
  incidentKey: string;
  title: string;
  when: Exclude<MeetingWhen, null>;
  participants: readonly Person[];
  /** The incident in Jira, where the review's panel is. */
  reviewUrl: string;
}

/**
 * The one comment that tells everyone on the review when it meets: each participant mentioned by
 * account id (so Jira notifies them), the time in the zone it was planned in, and a link to the
 * review. Built with @atlaskit/adf-utils; every output validates against @atlaskit/adf-schema
 * (test/unit/meeting-comment.test.ts). Text is ADF text nodes, never markup, so names and titles
 * cannot inject anything.
 */
export function meetingComment(input: MeetingCommentInput): DocNode {
  const mentions = input.participants.flatMap((p, i) => [
    ...(i > 0 ? [text(i === input.participants.length - 1 ? ' and ' : ', ')] : []),
    mention({ id: p.accountId, text: `@${p.displayName}`, accessLevel: '' }),
  ]);
  const href = safeAbsoluteUrl(input.reviewUrl);
  const title = input.title.trim() || input.incidentKey;
  return doc(
    paragraph(strong(text('Post-incident review meeting'))),
    paragraph(...mentions, text(`: you are invited to the review of ${title}.`)),
    paragraph(text('When: '), strong(text(describeWhen(input.when)))),
    paragraph(
      text('The review is about how we can know sooner and recover sooner, not about who did what. '),
      ...(href
        ? [text('Open it in the '), link({ href })(text(`Post-incident review panel of ${input.incidentKey}`)), text('.')]
        : [text(`Open the Post-incident review panel of ${input.incidentKey}.`)]),
    ),
    paragraph(em(text(NOTICE_MARK))),
  );
}
