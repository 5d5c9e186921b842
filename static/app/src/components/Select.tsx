import type { Ref, SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className' | 'children'> {
  options: readonly SelectOption[];
  spacing?: 'default' | 'compact';
  ref?: Ref<HTMLSelectElement>;
}

/** A native select styled like Atlaskit's: native for keyboard, screen readers and mobile. */
export function Select({ options, spacing = 'default', ...rest }: SelectProps) {
  return (
    <select {...rest} className={`pir-select${spacing === 'compact' ? ' pir-select--compact' : ''}`}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
