import type { Participant, ParticipantRole } from '../../../../src/contract';
import { withOneCommander, withParticipantRole } from '../../../../src/domain/incident-commander';
import { Avatar } from '../components/Avatar';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { Select } from '../components/Select';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';
import { optionsOf, ROLE_LABEL } from '../review-model/labels';
import { PeoplePicker } from './PeoplePicker';

const ROLE_OPTIONS = optionsOf(ROLE_LABEL);

/** Who took part and in which of the five roles; people come from Jira's user search. */
export function ParticipantsField() {
  const { editor } = useEditor();
  const { meeting } = editor.draft.content;
  const error = editor.fieldErrors['meeting.participants'];
  // A participant added who is the incident commander gets the commander role at once (as the save would give it).
  const setParticipants = (participants: Participant[]) =>
    editor.edit(
      (draft) => ({ ...draft, content: withOneCommander({ ...draft.content, meeting: { ...draft.content.meeting, participants } }) }),
      'meeting.participants',
    );
  // The commander role and "Incident commander" are one fact: giving or taking the role names or clears the commander.
  const setRole = (accountId: string, role: ParticipantRole) =>
    editor.edit((draft) => ({ ...draft, content: withParticipantRole(draft.content, accountId, role) }), 'meeting.participants');
  return (
    <div className="pir-participants" role="group" aria-labelledby="pir-participants-label">
      <h4 className="pir-field__label" id="pir-participants-label">
        Participants <span className="pir-count">{meeting.participants.length}</span>
      </h4>
      {meeting.participants.length > 0 && (
        <ul className="pir-participants__list">
          {meeting.participants.map((participant) => (
            <li key={participant.accountId} className="pir-participant">
              <span className="pir-person pir-participant__name">
                <Avatar name={participant.displayName} />
                <span className="pir-truncate">{participant.displayName}</span>
              </span>
              <label className="pir-visually-hidden" htmlFor={`pir-role-${participant.accountId}`}>
                {`Role of ${participant.displayName}`}
              </label>
              <Select
                id={`pir-role-${participant.accountId}`}
                spacing="compact"
                options={ROLE_OPTIONS}
                value={participant.role}
                onChange={(event) => setRole(participant.accountId, event.target.value as ParticipantRole)}
              />
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={`Remove ${participant.displayName}`}
                onClick={() => setParticipants(meeting.participants.filter((p) => p.accountId !== participant.accountId))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PeoplePicker
        id={fieldDomId('meeting.participants')}
        label="Add participant"
        placeholder="Search people to add"
        value={null}
        exclude={meeting.participants.map((p) => p.accountId)}
        onChange={(person) => person && setParticipants([...meeting.participants, { ...person, role: 'stakeholder' }])}
      />
      {error && <InlineError>{error}</InlineError>}
    </div>
  );
}
