import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { FieldFindings } from '../../../../src/contract';
import { Button } from '../components/Button';
import type { ReviewDraft } from '../review-model/draft';
import { fieldLabel } from '../review-model/field-paths';
import { countFindings } from '../review-model/finding-spans';
import { findingsQuestion } from './publish-helpers';

interface ConfirmPublishProps {
  findings: readonly FieldFindings[];
  draft: ReviewDraft;
  onConfirm: () => void;
  onCancel: () => void;
}

const SHOWN = 5;

/**
 * docs/DECISIONS.md#blameless-language: publishing with open wording suggestions asks first. An inline alert dialog (not a
 * modal: the panel's iframe grows with its content, so a centred overlay could open off-screen):
 * focus moves in to "Cancel", Escape cancels, and the caller puts focus back on Publish.
 */
export function ConfirmPublish({ findings, draft, onConfirm, onCancel }: ConfirmPublishProps) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const count = countFindings(findings);
  const all = findings.flatMap(({ field, findings: list }) => list.map((finding) => ({ field, finding })));
  useEffect(() => cancel.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div
      className="pir-confirm"
      id="pir-publish-confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={onKeyDown}
    >
      <h4 className="pir-confirm__title" id={`${id}-title`}>
        Publish with open wording suggestions?
      </h4>
      <p id={`${id}-text`}>
        {findingsQuestion(count)} Blameless wording helps people speak openly; the page is visible to everyone who can see the space.
      </p>
      <ul className="pir-confirm__list">
        {all.slice(0, SHOWN).map(({ field, finding }) => (
          <li key={`${field}-${finding.start}-${finding.ruleId}`}>
            {`${fieldLabel(field, draft)}: “${finding.excerpt}”`}
            <span className="pir-subtle"> — {finding.reason}</span>
          </li>
        ))}
        {all.length > SHOWN && <li className="pir-subtle">{`and ${all.length - SHOWN} more`}</li>}
      </ul>
      <div className="pir-form-actions">
        <Button appearance="primary" onClick={onConfirm}>
          Publish anyway
        </Button>
        <Button ref={cancel} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
