import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'disabled'> {
  appearance?: 'default' | 'primary' | 'subtle' | 'link' | 'danger';
  /** Compact height for buttons inside rows and toolbars. */
  spacing?: 'default' | 'compact';
  /**
   * Looks and acts disabled but stays focusable, so keyboard and screen-reader users can still
   * find it and hear why (pair with aria-describedby).
   */
  isDisabled?: boolean;
  /** Shows a spinner and ignores clicks while the action runs; the label stays for screen readers. */
  isLoading?: boolean;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  appearance = 'default',
  spacing = 'default',
  isDisabled = false,
  isLoading = false,
  onClick,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  const inert = isDisabled || isLoading;
  const className = `pir-button pir-button--${appearance}${spacing === 'compact' ? ' pir-button--compact' : ''}${isLoading ? ' pir-button--loading' : ''}`;
  return (
    <button
      {...rest}
      type={type}
      className={className}
      aria-disabled={inert || undefined}
      aria-busy={isLoading || undefined}
      onClick={inert ? (event) => event.preventDefault() : onClick}
    >
      {isLoading && (
        <span className="pir-spinner pir-spinner--small" aria-hidden="true">
          <svg className="pir-spinner__svg" viewBox="0 0 16 16" focusable="false">
            <circle cx="8" cy="8" r="7" />
          </svg>
        </span>
      )}
      <span className="pir-button__label">{children}</span>
    </button>
  );
}
