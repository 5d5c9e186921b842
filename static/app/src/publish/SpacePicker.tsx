import type { SpaceSummary } from '../../../../src/contract';
import { Combobox } from '../components/Combobox';

interface SpacePickerProps {
  id: string;
  issueKey: string;
  value: SpaceSummary | null;
  onChange: (space: SpaceSummary | null) => void;
  error?: string | null;
}

export const spaceText = (space: SpaceSummary) => (space.name === space.key ? space.key : `${space.name} (${space.key})`);

/** Type-ahead over Confluence spaces: a click lists them, typing searches names and keys, Escape keeps the current space. */
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
      renderOption={(space) => (
        <span className="pir-space-picker__option">
          <span className="pir-space-picker__key">{space.key}</span>
          <span className="pir-truncate">{space.name}</span>
        </span>
      )}
      searchNoun="spaces"
      emptyText="No spaces match. Spaces you cannot see are not listed."
      openOnClick
    />
  );
}
