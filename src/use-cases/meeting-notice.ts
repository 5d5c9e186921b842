import type { IncidentOverview, MeetingNotifyResult, Person } from '../contract';
import { AppFailure } from '../domain/app-error';
import { meetingIcs } from '../domain/meeting/ics';
import { meetingComment } from '../domain/meeting/meeting-comment';
import { meetingKey } from '../domain/meeting/meeting-key';
import { describeWhen, meetingWhen } from '../domain/meeting/meeting-time';
import { safeAbsoluteUrl } from '../domain/safe-url';
import { utcDay } from '../domain/issue-key';
import type { MeetingCommentPort } from '../jira/meeting-comment-jira';
import { ConflictError } from '../storage/timeline-store';
import type { StoredMeetingNotice, StoredReviewDoc } from '../storage/review-doc-store';
import { getIncidentOverview } from './get-incident-overview';
import { emptyDoc, toReviewDoc, type DocDeps } from './review-doc';

export interface MeetingDeps {
  doc: DocDeps;
  comments: MeetingCommentPort;
}

/** A claim older than this is from an invocation that died (Forge stops a resolver at 25 s). */
const CLAIM_TTL_MS = 2 * 60_000;
const SAVE_ATTEMPTS = 3;
const STALE = 'The meeting details changed since you opened them. We reloaded the review: check the meeting and save it before notifying.';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

async function loadChecked(deps: MeetingDeps, issueKey: string): Promise<{ stored: StoredReviewDoc; incident: IncidentOverview }> {
  const incident = await getIncidentOverview(deps.doc.jira, issueKey);
  return { stored: (await deps.doc.docs.load(issueKey)) ?? emptyDoc(incident), incident };
}

/**
 * Posts one Jira comment, as the user, mentioning every participant of the saved meeting. A
 * conditional write claims the notice first, so two clicks (or two people) never post twice; the
 * claim is released when Jira refuses the comment, so nothing is recorded that was not sent.
 */
export async function notifyParticipants(
  deps: MeetingDeps,
  issueKey: string,
  version: number,
  again: boolean,
): Promise<MeetingNotifyResult> {
  const { stored, incident } = await loadChecked(deps, issueKey);
  const { meeting } = stored.doc.content;
  const key = meetingKey(meeting);
  const prior = stored.doc.notice;
  const previous = prior?.state === 'sent' ? withoutState(prior) : (prior?.previous ?? null);
  // Told before a stale version: whatever the caller saw, the stored meeting was notified already.
  if (previous?.meetingKey === key) {
    throw new AppFailure(
      'CONFLICT',
      `The participants of this meeting were already notified on ${when(previous.sentAt)} by ${previous.sentBy.displayName}. Change the meeting to notify them again.`,
    );
  }
  if (stored.version !== version) throw new AppFailure('CONFLICT', STALE);
  const whenMeeting = meetingWhen(meeting);
  if (!whenMeeting)
    throw new AppFailure('VALIDATION', 'Set the meeting date and save the review before notifying participants.', {
      'meeting.meetingDate': 'Set a meeting date',
    });
  if (meeting.participants.length === 0)
    throw new AppFailure('VALIDATION', 'Add the participants and save the review before notifying them.', {
      'meeting.participants': 'Add at least one participant',
    });
  const now = deps.doc.now();
  if (prior?.state === 'sending' && now.getTime() - prior.claimedAt < CLAIM_TTL_MS) {
    throw new AppFailure('CONFLICT', 'The participants are being notified right now. Reload in a moment to see the comment.');
  }
  if (previous && !again) {
    throw new AppFailure(
      'CONFLICT',
      `Participants were notified of an earlier meeting on ${when(previous.sentAt)}. Choose "Notify again" to send the new date and participants.`,
    );
  }
  // A stale claim of this same meeting may have posted its comment before its invocation died.
  const stale = prior?.state === 'sending' && prior.meetingKey === key && prior.claimedBy ? { ...prior, claimedBy: prior.claimedBy } : null;

  const sender = await deps.doc.jira.myself();
  // The conditional write makes this the only invocation allowed to post for this version.
  const claimed = await writeNotice(deps, stored, {
    state: 'sending',
    meetingKey: key,
    claimedAt: now.getTime(),
    claimedBy: sender,
    previous,
  });
  const participantIds = meeting.participants.map((p) => p.accountId);
  const earlier = stale
    ? await deps.comments.findPosted(issueKey, { authorId: stale.claimedBy.accountId, since: stale.claimedAt, mentionIds: participantIds })
    : null;
  let commentId: string;
  if (earlier) {
    ({ commentId } = earlier);
  } else {
    const body = meetingComment({
      incidentKey: issueKey,
      title: meeting.title,
      when: whenMeeting,
      participants: meeting.participants,
      reviewUrl: incident.url,
    });
    try {
      ({ commentId } = await deps.comments.post(issueKey, body, { meetingKey: key }));
    } catch (e) {
      // Nothing was posted: give the claim back so the next click can try again.
      await releaseClaim(deps, issueKey, key, previous).catch(() => undefined);
      throw e;
    }
  }
  const sent: StoredMeetingNotice = {
    state: 'sent',
    meetingKey: key,
    sentAt: earlier && stale ? new Date(stale.claimedAt).toISOString() : deps.doc.now().toISOString(),
    sentBy: earlier && stale ? stale.claimedBy : sender,
    commentId,
    commentUrl: `${incident.url}?focusedCommentId=${encodeURIComponent(commentId)}`,
    mentioned: meeting.participants.length,
  };
  const final = await recordSent(deps, issueKey, claimed, sent);
  const doc = toReviewDoc(final, utcDay(deps.doc.now()));
  await deps.doc.summaries.docChanged(doc, incident);
  return { notice: doc.meetingNotice!, doc };
}

function withoutState(
  notice: Extract<StoredMeetingNotice, { state: 'sent' }>,
): Exclude<Extract<StoredMeetingNotice, { state: 'sending' }>['previous'], null> {
  const { state: _state, ...rest } = notice;
  return rest;
}

async function writeNotice(deps: MeetingDeps, from: StoredReviewDoc, notice: StoredMeetingNotice | undefined): Promise<StoredReviewDoc> {
  const next: StoredReviewDoc = { ...from, version: from.version + 1, updatedAt: deps.doc.now().getTime(), doc: { ...from.doc, notice } };
  try {
    await deps.doc.docs.save(next, from.version === 0 ? null : from.version);
  } catch (e) {
    throw e instanceof ConflictError ? new AppFailure('CONFLICT', STALE) : e;
  }
  return next;
}

/** The comment is posted: record it, re-reading when a save landed in between (the claim stays ours). */
async function recordSent(
  deps: MeetingDeps,
  issueKey: string,
  claimed: StoredReviewDoc,
  sent: StoredMeetingNotice,
): Promise<StoredReviewDoc> {
  let current = claimed;
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeNotice(deps, current, sent);
    } catch (e) {
      if (!(e instanceof AppFailure) || e.code !== 'CONFLICT' || attempt >= SAVE_ATTEMPTS) throw e;
      current = (await deps.doc.docs.load(issueKey)) ?? current;
    }
  }
}

async function releaseClaim(
  deps: MeetingDeps,
  issueKey: string,
  key: string,
  previous: Extract<StoredMeetingNotice, { state: 'sending' }>['previous'],
): Promise<void> {
  const current = await deps.doc.docs.load(issueKey);
  if (current?.doc.notice?.state !== 'sending' || current.doc.notice.meetingKey !== key) return;
  await writeNotice(deps, current, previous ? { state: 'sent', ...previous } : undefined);
}

/** The saved meeting as an .ics file: one event per review, updated in calendars as the meeting changes. */
export async function meetingCalendar(deps: MeetingDeps, issueKey: string): Promise<{ filename: string; ics: string }> {
  const { stored, incident } = await loadChecked(deps, issueKey);
  const { meeting } = stored.doc.content;
  const whenMeeting = meetingWhen(meeting);
  if (!whenMeeting)
    throw new AppFailure('VALIDATION', 'Set the meeting date and save the review to get a calendar file.', {
      'meeting.meetingDate': 'Set a meeting date',
    });
  const url = safeAbsoluteUrl(incident.url);
  const host = url ? new URL(url).host : 'post-incident-review.local';
  const names = meeting.participants.map((p) => p.displayName).join(', ');
  const description = [
    `Post-incident review of ${issueKey}: ${incident.summary}`,
    `When: ${describeWhen(whenMeeting)}`,
    ...(names ? [`Participants: ${names}`] : []),
    ...(meeting.facilitator ? [`Facilitator: ${meeting.facilitator.displayName}`] : []),
    ...(url ? [`Review: ${url}`] : []),
  ].join('\n');
  const ics = meetingIcs({
    uid: `pir-review-meeting-${issueKey}@${host}`,
    sequence: stored.version,
    when: whenMeeting,
    durationMinutes: 60,
    summary: meeting.title.trim() || `Post-incident review of ${issueKey}`,
    description,
    url,
    stamp: deps.doc.now(),
  });
  return { filename: `${issueKey}-review-meeting.ics`, ics };
}

/** People to suggest as participants: everyone acting in the timeline the viewer sees, and the incident's assignee and reporter. */
export function participantSuggestions(incident: IncidentOverview, timelinePeople: readonly Person[]): Person[] {
  const seen = new Map<string, Person>();
  for (const p of [incident.assignee, ...timelinePeople, incident.reporter])
    if (p && !seen.has(p.accountId)) seen.set(p.accountId, { accountId: p.accountId, displayName: p.displayName });
  return [...seen.values()];
}
