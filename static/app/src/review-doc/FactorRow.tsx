import type { ContributingFactor } from '../../../../src/contract';
import { Button } from '../components/Button';
import { CheckedTextarea } from './CheckedTextarea';

interface FactorRowProps {
  factor: ContributingFactor;
  index: number;
  count: number;
  onChange: (text: string) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One contributing factor: its text, and buttons to reorder or remove it. */
export function FactorRow({ factor, index, count, onChange, onMove, onRemove }: FactorRowProps) {
  const n = index + 1;
  return (
    <li className="pir-factor">
      <span className="pir-factor__number" aria-hidden="true">
        {n}
      </span>
      <div className="pir-factor__body">
        <CheckedTextarea field={`contributingFactors.${factor.id}.text`} label={`Contributing factor ${n}`} hideLabel rows={2} maxLength={2000} value={factor.text} onChange={onChange} />
      </div>
      <div className="pir-factor__actions">
        <Button id={`pir-factor-up-${factor.id}`} appearance="subtle" spacing="compact" isDisabled={index === 0} aria-label={`Move contributing factor ${n} up`} onClick={() => onMove(-1)}>
          ↑
        </Button>
        <Button id={`pir-factor-down-${factor.id}`} appearance="subtle" spacing="compact" isDisabled={index === count - 1} aria-label={`Move contributing factor ${n} down`} onClick={() => onMove(1)}>
          ↓
        </Button>
        <Button appearance="subtle" spacing="compact" aria-label={`Remove contributing factor ${n}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </li>
  );
}
