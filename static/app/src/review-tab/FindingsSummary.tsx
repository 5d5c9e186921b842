import { useState } from 'react';
import type { FieldFindings } from '../../../../src/contract';
import { Button } from '../components/Button';
import type { ReviewDraft } from '../review-model/draft';
import { fieldLabel } from '../review-model/field-paths';
import { countFindings, suggestionsLabel } from '../review-model/finding-spans';
import { focusField } from '../review-model/focus-field';

/** "3 wording suggestions" next to Save; opens a list that jumps to each flagged phrase. */
export function FindingsSummary({ findings, draft }: { findings: readonly FieldFindings[]; draft: ReviewDraft }) {
  const [open, setOpen] = useState(false);
  const count = countFindings(findings);
  if (count === 0) return <span className="pir-subtle pir-findings-summary__none">{suggestionsLabel(0)}</span>;
  return (
    <div className="pir-findings-summary">
      <Button
        appearance="subtle"
        spacing="compact"
        aria-expanded={open}
        aria-controls="pir-findings-summary-list"
        onClick={() => setOpen(!open)}
      >
        <span className="pir-findings-summary__dot" aria-hidden="true" />
        {suggestionsLabel(count)}
      </Button>
      {open && (
        <ul className="pir-findings-summary__list" id="pir-findings-summary-list" aria-label="All wording suggestions">
          {findings.flatMap(({ field, findings: list }) =>
            list.map((finding) => (
              <li key={`${field}-${finding.start}-${finding.ruleId}`}>
                <Button appearance="link" onClick={() => focusField(field, finding)}>
                  {`${fieldLabel(field, draft)}: “${finding.excerpt}”`}
                </Button>
                <span className="pir-subtle"> — {finding.reason}</span>
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}
