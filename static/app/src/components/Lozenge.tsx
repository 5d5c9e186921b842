import type { ReactNode } from 'react';

export type LozengeAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved' | 'new';

interface LozengeProps {
  appearance?: LozengeAppearance;
  isBold?: boolean;
  /** Full text for a hover tooltip, e.g. when the label is truncated or abbreviated. */
  title?: string;
  children: ReactNode;
}

/** Atlaskit-style lozenge: an uppercase, non-interactive status label. */
export function Lozenge({ appearance = 'default', isBold = false, title, children }: LozengeProps) {
  const className = `pir-lozenge pir-lozenge--${appearance}${isBold ? ' pir-lozenge--bold' : ''}`;
  return (
    <span className={className} title={title}>
      <span className="pir-lozenge__text">{children}</span>
    </span>
  );
}
