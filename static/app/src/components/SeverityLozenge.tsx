import type { Severity, SeverityClass } from '../../../../src/contract';
import { Lozenge, type LozengeAppearance } from './Lozenge';

const STYLE: Record<SeverityClass, { appearance: LozengeAppearance; isBold: boolean }> = {
  critical: { appearance: 'removed', isBold: true },
  warning: { appearance: 'moved', isBold: false },
  info: { appearance: 'inprogress', isBold: false },
};

export function SeverityLozenge({ severity }: { severity: Severity }) {
  const { appearance, isBold } = STYLE[severity.class];
  return (
    <Lozenge appearance={appearance} isBold={isBold} title={`${severity.label}: ${severity.description}`}>
      {severity.label}
    </Lozenge>
  );
}
