import AkLozenge from '@atlaskit/lozenge/lozenge';
import type { ReactNode } from 'react';

export type LozengeAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved' | 'new';

interface LozengeProps {
  appearance?: LozengeAppearance;
  isBold?: boolean;
  /** Full text for a hover tooltip, e.g. when the label is truncated or abbreviated. */
  title?: string;
  children: ReactNode;
}

/** Atlaskit's lozenge: an uppercase, non-interactive status label (the span carries the tooltip). */
export function Lozenge({ appearance = 'default', isBold = false, title, children }: LozengeProps) {
  return (
    <span className="pir-ak-lozenge" title={title}>
      <AkLozenge appearance={appearance} isBold={isBold}>
        {children}
      </AkLozenge>
    </span>
  );
}
