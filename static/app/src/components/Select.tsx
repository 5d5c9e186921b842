import { SelectWithoutAnalytics as AkSelect } from '@atlaskit/select/select-without-analytics';

export interface SelectOption {
  value: string;
  label: string;
}

/** What `onChange` receives: shaped like a native change event so callers read `event.target.value`. */
export interface SelectChange {
  target: { value: string };
}

interface SelectProps {
  /** The input's id, for a `<label htmlFor>`. */
  id?: string;
  options: readonly SelectOption[];
  value: string;
  /** Called once per choice (click, Enter), never for an option only highlighted with the arrow keys. */
  onChange: (event: SelectChange) => void;
  spacing?: 'default' | 'compact';
  autoFocus?: boolean;
  isDisabled?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-busy'?: boolean;
}

/**
 * Atlaskit's single select over string values. A native select commits on every arrow key in
 * Chromium on Windows and Linux, so a form that saves on change saved each step; this one commits
 * only the option chosen. The wrapper's `data-pir-value` holds the current value for tests and styles.
 */
export function Select({ id, options, value, onChange, spacing = 'default', autoFocus, isDisabled, ...aria }: SelectProps) {
  const selected = options.find((o) => o.value === value) ?? null;
  return (
    <div
      className={`pir-select${spacing === 'compact' ? ' pir-select--compact' : ''}`}
      data-pir-value={value}
      aria-busy={aria['aria-busy'] || undefined}
    >
      <AkSelect<SelectOption, false>
        inputId={id}
        classNamePrefix="pir-select"
        options={options}
        value={selected}
        spacing={spacing}
        autoFocus={autoFocus}
        isDisabled={isDisabled}
        isSearchable={options.length > 7}
        isInvalid={aria['aria-invalid'] === true}
        aria-label={aria['aria-label']}
        aria-labelledby={aria['aria-labelledby']}
        descriptionId={aria['aria-describedby']}
        // The panel is a small iframe inside Jira: a menu placed by the space left stays inside it.
        menuPlacement="auto"
        onChange={(option) => {
          if (option && option.value !== value) onChange({ target: { value: option.value } });
        }}
      />
    </div>
  );
}
