import type { ButtonHTMLAttributes, ReactNode } from 'react';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'disabled'> {
  appearance?: 'default' | 'primary' | 'subtle' | 'link';
  /**
   * Looks and acts disabled but stays focusable, so keyboard and screen-reader users can still
   * find it and hear why (pair with aria-describedby).
   */
  isDisabled?: boolean;
  children: ReactNode;
}

export function Button({ appearance = 'default', isDisabled = false, onClick, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={`pir-button pir-button--${appearance}`}
      aria-disabled={isDisabled || undefined}
      onClick={isDisabled ? (event) => event.preventDefault() : onClick}
    >
      {children}
    </button>
  );
}
