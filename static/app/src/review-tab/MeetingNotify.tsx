import { useState } from 'react';
import type { MeetingNotice } from '../../../../src/contract';
import { invoke } from '../bridge';
import { Button } from '../components/Button';
import { DownloadLink } from '../components/DownloadLink';
import { InlineError } from '../components/InlineError';
import { TopLink } from '../components/TopLink';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/useAction';
import { useAppContext } from '../hooks/useAppContext';
import { useFileDownload } from '../hooks/useFileDownload';
import { useEditor } from './editor-context';

/**
 * "Notify participants" and "Add to calendar": both save the form first, so what Jira and the
 * calendar get is the meeting as saved. The server refuses a second notice for the same meeting;
 * this only decides what to offer.
 */
export function MeetingNotify() {
  const { editor } = useEditor();
  const context = useAppContext();
  const issueKey = editor.doc.incidentKey;
  const { meeting } = editor.draft.content;
  const notice: MeetingNotice | null = editor.doc.meetingNotice ?? null;
  const [sent, setSent] = useState<MeetingNotice | null>(null);
  const calendar = useFileDownload<{ filename: string; ics: string }>();

  const notify = useAction(async (again: boolean) => {
    const result = await editor.writeWithDoc((version) => invoke('meeting/notify', { issueKey, version, again }));
    if (result) setSent(result.notice);
  });
  const ics = useAction(async () => {
    if (!(await editor.save())) return;
    const file = await invoke('meeting/ics', { issueKey });
    calendar.offer(file, [file.ics], 'text/calendar;charset=utf-8');
  });

  const missing = !meeting.meetingDate
    ? 'Set the meeting date to notify participants.'
    : meeting.participants.length === 0
      ? 'Add participants to notify them.'
      : null;
  // Unsaved edits to the date or people make a "current" notice out of date once saved: offer again then.
  const current = notice?.current === true && !editor.dirty;
  const when = (iso: string) => formatDateTime(iso, context.locale, context.timezone);

  return (
    <div className="pir-meeting-notify" aria-label="Notify participants">
      {notice && (
        <p className="pir-meeting-notify__status" role="status">
          {current ? 'Participants were notified' : 'Participants were notified of an earlier meeting'} on {when(notice.sentAt)} by{' '}
          {notice.sentBy.displayName}
          {` (${notice.mentioned} mentioned). `}
          <TopLink href={notice.commentUrl}>View the comment in Jira</TopLink>
        </p>
      )}
      <div className="pir-meeting-notify__actions">
        {!current && (
          <Button
            appearance={notice ? 'default' : 'primary'}
            isDisabled={missing !== null}
            isLoading={notify.busy}
            onClick={() => void notify.run(notice !== null)}
          >
            {notice ? 'Notify again' : 'Notify participants'}
          </Button>
        )}
        <Button isDisabled={!meeting.meetingDate} isLoading={ics.busy} onClick={() => void ics.run()}>
          Add to calendar (.ics)
        </Button>
        {calendar.file && <DownloadLink file={calendar.file} />}
      </div>
      {missing && !current && <p className="pir-subtle">{missing}</p>}
      {!current && !missing && (
        <p className="pir-subtle">
          {notice
            ? 'The date, time or participants changed since then.'
            : 'Posts one comment on the incident in Jira, as you, mentioning each participant with the meeting time and a link to this review.'}
        </p>
      )}
      {sent && !notify.busy && !notify.error && (
        <p className="pir-subtle" role="status">
          {`Posted: ${sent.mentioned} participant${sent.mentioned === 1 ? '' : 's'} notified.`}
        </p>
      )}
      {notify.error && <InlineError>{`Couldn't notify the participants: ${notify.error.message}`}</InlineError>}
      {ics.error && <InlineError>{`Couldn't make the calendar file: ${ics.error.message}`}</InlineError>}
    </div>
  );
}
