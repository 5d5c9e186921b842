import AkButton from '@atlaskit/button/new';
import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'disabled' | 'style'> {
  /** 'link' is an action that reads as text (a trail, "Try again" in a sentence): Atlaskit's new button has no such look. */
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

/**
 * Atlaskit's button (`@atlaskit/button/new`). Disabled is told with `aria-disabled` rather than
 * Atlaskit's `disabled`, which would take the button out of the tab order; the wrapper (no box of
 * its own) gives it the disabled look.
 */
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
  const click = (event: MouseEvent<HTMLButtonElement>) => (inert ? event.preventDefault() : onClick?.(event));
  if (appearance === 'link') {
    return (
      <button {...rest} type={type} className="pir-button pir-button--link" aria-disabled={inert || undefined} onClick={click}>
        <span className="pir-button__label">{children}</span>
      </button>
    );
  }
  return (
    <span className="pir-ak-button" data-disabled={isDisabled || undefined}>
      <AkButton
        {...rest}
        appearance={appearance}
        spacing={spacing}
        isLoading={isLoading}
        type={type}
        aria-disabled={isDisabled || undefined}
        onClick={click}
      >
        {children}
      </AkButton>
    </span>
  );
}
