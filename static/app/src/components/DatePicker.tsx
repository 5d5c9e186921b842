import AkDatePicker from '@atlaskit/datetime-picker/date-picker';
import { isValid, parseISO } from 'date-fns';

interface DatePickerProps {
  /** The input's id, for a `<label htmlFor>`. */
  id: string;
  /** ISO `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** ISO `YYYY-MM-DD`, or '' when cleared. */
  onChange: (value: string) => void;
  spacing?: 'default' | 'compact';
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** Typed text is read as ISO first (what the form shows), then as the calendar's locale would read it. */
function parseTyped(text: string): Date {
  const iso = parseISO(text.trim());
  return isValid(iso) ? iso : new Date(text);
}

/**
 * Atlaskit's date picker, ISO in and out. Shown as YYYY-MM-DD (unambiguous in every locale, and
 * what Jira's REST and the review store hold), typed the same way or picked on the calendar.
 */
export function DatePicker({ id, value, onChange, spacing = 'default', ...aria }: DatePickerProps) {
  return (
    <div className="pir-date-picker" data-pir-value={value}>
      <AkDatePicker
        id={id}
        value={value}
        onChange={onChange}
        dateFormat="YYYY-MM-DD"
        placeholder="YYYY-MM-DD"
        parseInputValue={parseTyped}
        spacing={spacing}
        isInvalid={aria['aria-invalid'] === true}
        aria-describedby={aria['aria-describedby']}
        clearControlLabel="Clear date"
        selectProps={{ classNamePrefix: 'pir-select' }}
      />
    </div>
  );
}
