import { useEffect, useState } from 'react';
import type { Person } from '../../../../src/contract';
import { invoke } from '../bridge';
import { Button } from '../components/Button';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';

/**
 * People who commented on or were assigned to the incident's tickets (as this viewer may see
 * them), one click each to add as participants. Quietly absent when there are none or the
 * suggestions cannot be read: adding people by search still works.
 */
export function ParticipantSuggestions() {
  const { editor } = useEditor();
  const issueKey = editor.doc.incidentKey;
  const { meeting } = editor.draft.content;
  const [people, setPeople] = useState<Person[]>([]);

  useEffect(() => {
    let live = true;
    invoke('meeting/suggestions', { issueKey }).then(
      (found) => live && setPeople(found),
      () => live && setPeople([]),
    );
    return () => {
      live = false;
    };
  }, [issueKey]);

  const taken = new Set(meeting.participants.map((p) => p.accountId));
  const open = people.filter((p) => !taken.has(p.accountId));
  if (open.length === 0) return null;
  const add = (people: Person[]) =>
    setContent(
      editor.edit,
      'meeting',
      { ...meeting, participants: [...meeting.participants, ...people.map((p) => ({ ...p, role: 'stakeholder' as const }))] },
      'meeting.participants',
    );

  return (
    <div className="pir-suggestions" role="group" aria-labelledby="pir-suggestions-label">
      <span className="pir-field__label" id="pir-suggestions-label">
        Suggested from the incident&apos;s tickets
      </span>
      <ul className="pir-suggestions__list">
        {open.map((person) => (
          <li key={person.accountId}>
            <Button spacing="compact" aria-label={`Add ${person.displayName} as a participant`} onClick={() => add([person])}>
              {`+ ${person.displayName}`}
            </Button>
          </li>
        ))}
      </ul>
      {open.length > 1 && (
        <Button appearance="subtle" spacing="compact" onClick={() => add(open)}>
          Add all
        </Button>
      )}
    </div>
  );
}
