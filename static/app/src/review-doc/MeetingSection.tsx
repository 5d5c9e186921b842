import { Avatar } from '../components/Avatar';
import { DatePicker } from '../components/DatePicker';
import { DocSection } from './DocSection';
import { setContent } from './draft-edits';
import { useEditor } from './editor-context';
import { fieldDomId } from './field-paths';
import { FormField } from './FormField';
import { ParticipantsField } from './ParticipantsField';
import { PeoplePicker } from './PeoplePicker';

/** Meeting details: title, date, contact, facilitator, participants; who created it is read-only. */
export function MeetingSection() {
  const { editor } = useEditor();
  const { meeting } = editor.draft.content;
  const errors = editor.fieldErrors;
  const setMeeting = (patch: Partial<typeof meeting>, field: string) => setContent(editor.edit, 'meeting', { ...meeting, ...patch }, field);
  return (
    <DocSection id="pir-doc-meeting" title="Meeting details">
      <div className="pir-doc-grid">
        <FormField id={fieldDomId('meeting.title')} label="Title" error={errors['meeting.title']} className="pir-doc-grid__wide">
          {(props) => (
            <input {...props} className="pir-input" type="text" maxLength={255} value={meeting.title} onChange={(event) => setMeeting({ title: event.target.value }, 'meeting.title')} />
          )}
        </FormField>
        <FormField id={fieldDomId('meeting.meetingDate')} label="Meeting date" error={errors['meeting.meetingDate']}>
          {(props) => (
            <DatePicker {...props} value={meeting.meetingDate} onChange={(meetingDate) => setMeeting({ meetingDate }, 'meeting.meetingDate')} />
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
    </DocSection>
  );
}
