import { SelectWithoutAnalytics as AkSelect } from '@atlaskit/select/select-without-analytics';
import type { SelectOption } from './Select';

interface MultiSelectProps {
  /** The input's id, for a `<label htmlFor>`. */
  id?: string;
  options: readonly SelectOption[];
  /** The chosen values, in any order; shown in the options' order. */
  values: readonly string[];
  /** Called once per choice or removal with every chosen value, in the options' order. */
  onChange: (values: string[]) => void;
  spacing?: 'default' | 'compact';
  /** Shown while nothing is chosen: what an empty choice means ("All severities"). */
  placeholder?: string;
  'aria-describedby'?: string;
}

/**
 * Atlaskit's select choosing several string values, as Jira's own filters do. Like `Select`, it
 * commits only what is chosen (never an option highlighted with the arrow keys), and its wrapper's
 * `data-pir-value` holds the values joined by commas for tests and styles.
 */
export function MultiSelect({ id, options, values, onChange, spacing = 'default', placeholder, ...aria }: MultiSelectProps) {
  const selected = options.filter((o) => values.includes(o.value));
  return (
    <div
      className={`pir-select pir-multi-select${spacing === 'compact' ? ' pir-select--compact' : ''}`}
      data-pir-value={selected.map((o) => o.value).join(',')}
    >
      <AkSelect<SelectOption, true>
        isMulti
        inputId={id}
        classNamePrefix="pir-select"
        options={options}
        value={selected}
        spacing={spacing}
        placeholder={placeholder}
        isSearchable={options.length > 7}
        // The menu stays open so several can be chosen in one go, as in Jira's filter bars.
        closeMenuOnSelect={false}
        descriptionId={aria['aria-describedby']}
        menuPlacement="auto"
        onChange={(chosen) => {
          const next = new Set(chosen.map((o) => o.value));
          onChange(options.filter((o) => next.has(o.value)).map((o) => o.value));
        }}
      />
    </div>
  );
}
