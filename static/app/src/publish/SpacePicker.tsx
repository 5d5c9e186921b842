import type { SpaceSummary } from '../../../../src/contract';
import { Button } from '../components/Button';
import { Combobox } from '../components/Combobox';

interface SpacePickerProps {
  id: string;
  issueKey: string;
  value: SpaceSummary | null;
  onChange: (space: SpaceSummary | null) => void;
  error?: string | null;
}

const spaceText = (space: SpaceSummary) => (space.name === space.key ? space.key : `${space.name} (${space.key})`);

/**
 * Type-ahead over Confluence spaces (ARIA combobox with a listbox): typing searches names and
 * keys, arrow keys move, Enter picks, Escape closes and keeps the current space.
 */
export function SpacePicker({ id, issueKey, value, onChange, error }: SpacePickerProps) {
  return (
    <Combobox
      id={id}
      label="Space"
      className="pir-space-picker"
      placeholder="Search spaces by name or key"
      resolver="publish/spaces"
      issueKey={issueKey}
      value={value}
      onChange={onChange}
      error={error}
      itemText={spaceText}
      itemId={(space) => space.id}
      optionAttributes={(space) => ({ 'data-space-key': space.key })}
      renderOption={(space) => (
        <>
          <span className="pir-space-picker__key">{space.key}</span>
          <span className="pir-truncate">{space.name}</span>
        </>
      )}
      listLabel="Confluence spaces"
      searchNoun="spaces"
      emptyText="No spaces match. Spaces you cannot see are not listed."
      openOnClick
      renderEnd={({ open, listId, setOpen }) => (
        <Button appearance="subtle" spacing="compact" aria-label="Show spaces" aria-expanded={open} aria-controls={listId} tabIndex={-1} onClick={() => setOpen(!open)}>
          ▾
        </Button>
      )}
    />
  );
}
