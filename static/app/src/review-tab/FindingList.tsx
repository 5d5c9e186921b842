import type { BlamelessFinding } from '../../../../src/contract';
import { applyReplacement } from '../review-model/finding-spans';
import { FindingItem } from './FindingItem';
import { focusField } from '../review-model/focus-field';
import type { FieldPath } from '../review-model/field-paths';

interface FindingListProps {
  id: string;
  field: FieldPath;
  text: string;
  findings: readonly BlamelessFinding[];
  onChange: (text: string) => void;
}

/** The wording suggestions under a text field; they inform, they never block saving. */
export function FindingList({ id, field, text, findings, onChange }: FindingListProps) {
  if (findings.length === 0) return null;
  return (
    <div className="pir-findings" id={id} data-testid={`findings-${field}`}>
      <p className="pir-findings__title" id={`${id}-title`}>
        {findings.length === 1 ? '1 wording suggestion' : `${findings.length} wording suggestions`}
        <span className="pir-subtle"> · blameless language helps people speak openly</span>
      </p>
      <ul className="pir-findings__list" aria-labelledby={`${id}-title`}>
        {findings.map((finding) => (
          <FindingItem
            key={`${finding.ruleId}-${finding.start}-${finding.end}`}
            finding={finding}
            text={text}
            onShow={() => focusField(field, finding)}
            onApply={(replacement) => {
              onChange(applyReplacement(text, finding, replacement));
              focusField(field, { start: finding.start, end: finding.start + replacement.length });
            }}
          />
        ))}
      </ul>
    </div>
  );
}
