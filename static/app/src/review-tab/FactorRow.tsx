import type { ContributingFactor, FactorCategory } from '../../../../src/contract';
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABEL } from '../../../../src/domain/factor-taxonomy';
import { Button } from '../components/Button';
import { Select } from '../components/Select';
import { CheckedTextarea } from './CheckedTextarea';

const CATEGORY_OPTIONS = FACTOR_CATEGORIES.map((value) => ({ value, label: FACTOR_CATEGORY_LABEL[value] }));

interface FactorRowProps {
  factor: ContributingFactor;
  index: number;
  count: number;
  onChange: (text: string) => void;
  onCategoryChange: (category: FactorCategory) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One contributing factor: its text, and buttons to reorder or remove it. */
export function FactorRow({ factor, index, count, onChange, onCategoryChange, onMove, onRemove }: FactorRowProps) {
  const n = index + 1;
  return (
    <li className="pir-factor">
      <span className="pir-factor__number" aria-hidden="true">
        {n}
      </span>
      <div className="pir-factor__body">
        <CheckedTextarea
          field={`contributingFactors.${factor.id}.text`}
          label={`Contributing factor ${n}`}
          hideLabel
          rows={2}
          maxLength={2000}
          value={factor.text}
          onChange={onChange}
        />
        <div className="pir-factor__category">
          <label className="pir-field__label" htmlFor={`pir-factor-category-${factor.id}`}>
            Category
          </label>
          <Select
            id={`pir-factor-category-${factor.id}`}
            spacing="compact"
            aria-label={`Category of contributing factor ${n}`}
            options={CATEGORY_OPTIONS}
            value={factor.category}
            onChange={(event) => onCategoryChange(event.target.value as FactorCategory)}
          />
        </div>
      </div>
      <div className="pir-factor__actions">
        <Button
          id={`pir-factor-up-${factor.id}`}
          appearance="subtle"
          spacing="compact"
          isDisabled={index === 0}
          aria-label={`Move contributing factor ${n} up`}
          onClick={() => onMove(-1)}
        >
          ↑
        </Button>
        <Button
          id={`pir-factor-down-${factor.id}`}
          appearance="subtle"
          spacing="compact"
          isDisabled={index === count - 1}
          aria-label={`Move contributing factor ${n} down`}
          onClick={() => onMove(1)}
        >
          ↓
        </Button>
        <Button appearance="subtle" spacing="compact" aria-label={`Remove contributing factor ${n}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </li>
  );
}
