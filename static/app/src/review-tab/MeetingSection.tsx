import { Avatar } from '../components/Avatar';
import { DatePicker } from '../components/DatePicker';
import { DocSection } from '../components/DocSection';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';
import { FormField } from '../components/FormField';
import { ParticipantsField } from './ParticipantsField';
import { PeoplePicker } from './PeoplePicker';
import { MeetingNotify } from './MeetingNotify';
import { ParticipantSuggestions } from './ParticipantSuggestions';
import { useAppContext } from '../hooks/useAppContext';

/** Meeting details: title, date, contact, facilitator, participants; who created it is read-only. */
export function MeetingSection() {
  const { editor } = useEditor();
  const { timezone } = useAppContext();
  const { meeting } = editor.draft.content;
  const errors = editor.fieldErrors;
  const setMeeting = (patch: Partial<typeof meeting>, field: string) => setContent(editor.edit, 'meeting', { ...meeting, ...patch }, field);
  return (
    <DocSection id="pir-doc-meeting" title="Meeting details">
      <div className="pir-doc-grid">
        <FormField id={fieldDomId('meeting.title')} label="Title" error={errors['meeting.title']} className="pir-doc-grid__wide">
          {(props) => (
            <input
              {...props}
              className="pir-input"
              type="text"
              maxLength={255}
              value={meeting.title}
              onChange={(event) => setMeeting({ title: event.target.value }, 'meeting.title')}
            />
          )}
        </FormField>
        <FormField id={fieldDomId('meeting.meetingDate')} label="Meeting date" error={errors['meeting.meetingDate']}>
          {(props) => (
            <DatePicker
              {...props}
              value={meeting.meetingDate}
              onChange={(meetingDate) => setMeeting({ meetingDate }, 'meeting.meetingDate')}
            />
          )}
        </FormField>
        <FormField
          id={fieldDomId('meeting.meetingTime')}
          label={`Meeting time (${meeting.meetingTime ? (meeting.meetingTimeZone ?? timezone) : timezone})`}
          error={errors['meeting.meetingTime']}
        >
          {(props) => (
            <input
              {...props}
              className="pir-input"
              type="time"
              value={meeting.meetingTime ?? ''}
              // The time is kept in the zone it was typed in, so everyone reads the same moment.
              onChange={(event) =>
                setMeeting(
                  { meetingTime: event.target.value || null, meetingTimeZone: event.target.value ? timezone : null },
                  'meeting.meetingTime',
                )
              }
            />
          )}
        </FormField>
        <div className="pir-field">
          <span className="pir-field__label" id="pir-created-by-label">
            Created by
          </span>
          <p className="pir-readonly" aria-labelledby="pir-created-by-label">
            {meeting.createdBy ? (
              <span className="pir-person">
                <Avatar name={meeting.createdBy.displayName} />
                {meeting.createdBy.displayName}
              </span>
            ) : (
              <span className="pir-subtle">Recorded on the first save</span>
            )}
          </p>
        </div>
        <PeoplePicker
          id={fieldDomId('meeting.contact')}
          label="Contact"
          value={meeting.contact}
          error={errors['meeting.contact']}
          onChange={(contact) => setMeeting({ contact }, 'meeting.contact')}
        />
        <PeoplePicker
          id={fieldDomId('meeting.facilitator')}
          label="Facilitator"
          value={meeting.facilitator}
          error={errors['meeting.facilitator']}
          onChange={(facilitator) => setMeeting({ facilitator }, 'meeting.facilitator')}
        />
      </div>
      <ParticipantsField />
      <ParticipantSuggestions />
      <MeetingNotify />
    </DocSection>
  );
}
