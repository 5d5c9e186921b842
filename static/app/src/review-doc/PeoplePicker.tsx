import type { Person } from '../../../../src/contract';
import { Avatar } from '../components/Avatar';
import { Button } from '../components/Button';
import { Combobox } from '../components/Combobox';
import { useEditor } from './editor-context';

interface PeoplePickerProps {
  /** The input's id (the field path's DOM id, so errors and guide links can focus it). */
  id: string;
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
  error?: string | undefined;
  placeholder?: string;
  /** People already chosen elsewhere (participants), left out of the options. */
  exclude?: readonly string[];
  hideLabel?: boolean;
  compact?: boolean;
}

/**
 * A type-ahead over Jira users (ARIA combobox with a listbox): arrow keys move, Enter picks,
 * Escape closes. Emptying the input and leaving it clears the person.
 */
export function PeoplePicker({ id, label, value, onChange, error, placeholder = 'Search people', exclude = [], hideLabel = false, compact = false }: PeoplePickerProps) {
  const { editor } = useEditor();
  return (
    <Combobox
      id={id}
      label={label}
      hideLabel={hideLabel}
      className={compact ? 'pir-picker--compact' : undefined}
      placeholder={placeholder}
      resolver="users/search"
      issueKey={editor.doc.incidentKey}
      value={value}
      onChange={onChange}
      error={error}
      itemText={(person) => person.displayName}
      itemId={(person) => person.accountId}
      filter={(person) => !exclude.includes(person.accountId)}
      renderOption={(person) => (
        <>
          <Avatar name={person.displayName} />
          <span className="pir-truncate">{person.displayName}</span>
        </>
      )}
      listLabel={`People for ${label.toLowerCase()}`}
      searchNoun="people"
      emptyText="No matching people"
      clearOnEmptyBlur
      renderStart={(typing) => value && !typing && <Avatar name={value.displayName} />}
      renderEnd={({ pick }) =>
        value && (
          <Button appearance="subtle" spacing="compact" aria-label="Clear" title={`Clear ${label.toLowerCase()}`} onClick={() => pick(null)}>
            ×
          </Button>
        )
      }
    />
  );
}
