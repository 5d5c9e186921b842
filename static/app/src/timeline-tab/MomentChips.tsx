interface MomentChipsProps<T extends string> {
  legend: string;
  all: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  onChange: (next: T[]) => void;
}

/** Toggle chips (aria-pressed buttons) for a small multi-select, in the order of `all`. */
export function MomentChips<T extends string>({ legend, all, labels, selected, onChange }: MomentChipsProps<T>) {
  const toggle = (value: T) =>
    onChange(
      selected.includes(value)
        ? selected.filter((item) => item !== value)
        : all.filter((item) => item === value || selected.includes(item)),
    );
  return (
    <fieldset className="pir-chips">
      <legend className="pir-field__label">{legend}</legend>
      {all.map((value) => (
        <button key={value} type="button" className="pir-chip" aria-pressed={selected.includes(value)} onClick={() => toggle(value)}>
          {labels[value]}
        </button>
      ))}
    </fieldset>
  );
}
