interface SpinnerProps {
  /** Read by assistive technology; the spinner itself is decorative. */
  label: string;
  size?: 'small' | 'medium' | 'large';
}

export function Spinner({ label, size = 'medium' }: SpinnerProps) {
  return (
    <span className={`pir-spinner pir-spinner--${size}`} role="status">
      <svg className="pir-spinner__svg" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" />
      </svg>
      <span className="pir-visually-hidden">{label}</span>
    </span>
  );
}
