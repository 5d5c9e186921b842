import { useState } from 'react';
import { Button } from '../components/Button';
import { ADD_FACTOR_ID } from './ContributingFactorsSection';
import type { ReviewDraft } from '../review-model/draft';
import type { FieldPath } from '../review-model/field-paths';
import { focusField } from '../review-model/focus-field';

interface Question {
  question: string;
  prompt: string;
  /** The field it feeds; a function when it depends on the form (the first contributing factor). */
  target: (draft: ReviewDraft) => FieldPath | { elementId: string };
  feeds: string;
}

const QUESTIONS: Question[] = [
  {
    question: 'How do we know sooner?',
    prompt: 'What signal was there first? Who saw it, and how?',
    target: () => 'goals.knowSooner',
    feeds: 'Goals: know sooner',
  },
  {
    question: 'How do we recover sooner?',
    prompt: 'What slowed the response down? What sped it up?',
    target: () => 'goals.recoverSooner',
    feeds: 'Goals: recover sooner',
  },
  {
    question: 'What surprised you?',
    prompt: 'Where did the system, or the people, act differently from what you expected?',
    target: () => 'learnings.surprised',
    feeds: 'What surprised us',
  },
  {
    question: 'What went well?',
    prompt: 'What helped? What would you keep doing?',
    target: () => 'learnings.wentWell',
    feeds: 'What went well',
  },
  {
    question: 'How did it make sense at the time?',
    prompt: 'What did people know, see and expect when they acted? What pressures were there?',
    target: (draft) => {
      const first = draft.content.contributingFactors[0];
      return first ? `contributingFactors.${first.id}.text` : { elementId: ADD_FACTOR_ID };
    },
    feeds: 'Contributing factors',
  },
];

/** The facilitator's core questions, each linked to the field it feeds. Collapsible. */
export function FacilitatorGuide({ draft, defaultOpen }: { draft: ReviewDraft; defaultOpen: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const go = (question: Question) => {
    const target = question.target(draft);
    if (typeof target === 'string') focusField(target);
    else document.getElementById(target.elementId)?.focus();
  };
  return (
    <aside className="pir-guide" aria-labelledby="pir-guide-heading">
      <h3 className="pir-guide__heading" id="pir-guide-heading">
        <button
          type="button"
          className="pir-guide__toggle"
          aria-expanded={open}
          aria-controls="pir-guide-body"
          onClick={() => setOpen(!open)}
        >
          <span className="pir-guide__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Facilitator guide
        </button>
      </h3>
      <div id="pir-guide-body" hidden={!open}>
        <p className="pir-subtle pir-guide__intro">Ask these in the meeting. Each question links to the field it feeds.</p>
        <ol className="pir-guide__list">
          {QUESTIONS.map((q, i) => (
            <li key={q.question} className="pir-guide__item">
              <Button appearance="link" onClick={() => go(q)} aria-describedby={`pir-guide-feeds-${i}`}>
                {q.question}
              </Button>
              <p className="pir-guide__prompt">{q.prompt}</p>
              <p className="pir-guide__feeds pir-subtle" id={`pir-guide-feeds-${i}`}>
                {`Feeds: ${q.feeds}`}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
}
