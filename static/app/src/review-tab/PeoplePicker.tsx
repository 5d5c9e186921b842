import type { Person } from '../../../../src/contract';
import { Avatar } from '../components/Avatar';
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

const personWithAvatar = (person: Person) => (
  <span className="pir-person">
    <Avatar name={person.displayName} />
    <span className="pir-truncate">{person.displayName}</span>
  </span>
);

/** A type-ahead over Jira users: arrow keys move, Enter picks, Escape closes and keeps the text, × clears. */
export function PeoplePicker({
  id,
  label,
  value,
  onChange,
  error,
  placeholder = 'Search people',
  exclude = [],
  hideLabel = false,
  compact = false,
}: PeoplePickerProps) {
  const { editor } = useEditor();
  return (
    <Combobox
      id={id}
      label={label}
      hideLabel={hideLabel}
      spacing={compact ? 'compact' : 'default'}
      placeholder={placeholder}
      resolver="users/search"
      issueKey={editor.doc.incidentKey}
      value={value}
      onChange={onChange}
      error={error}
      itemText={(person) => person.displayName}
      itemId={(person) => person.accountId}
      filter={(person) => !exclude.includes(person.accountId)}
      renderOption={personWithAvatar}
      renderValue={personWithAvatar}
      searchNoun="people"
      emptyText="No matching people"
    />
  );
}
