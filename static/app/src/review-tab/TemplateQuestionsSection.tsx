import { useEffect, useState } from 'react';
import type { ReviewTemplate, TemplateAnswer, TemplateAnswerValue } from '../../../../src/contract';
import { useTemplate } from '../../../../src/domain/templates/template-rules';
import { invoke } from '../bridge';
import { Select } from '../components/Select';
import { DocSection } from '../components/DocSection';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';

/**
 * The review's template (chosen by the incident's type and severity when the review starts,
 * changeable) and its extra questions. Without site templates there is nothing to choose and the
 * review looks as it always did.
 */
export function TemplateQuestionsSection() {
  const { editor } = useEditor();
  const issueKey = editor.doc.incidentKey;
  const use = editor.draft.content.template;
  const [templates, setTemplates] = useState<ReviewTemplate[] | null>(null);
  const [suggested, setSuggested] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('templates/get', { issueKey }).then(
      (settings) => {
        if (!live) return;
        setTemplates(settings.templates);
        setSuggested(settings.suggestedId ?? null);
      },
      () => live && setTemplates([]),
    );
    return () => {
      live = false;
    };
  }, [issueKey]);

  const choose = (template: ReviewTemplate) =>
    setContent(editor.edit, 'template', useTemplate(template, editor.draft.content.template), 'template');

  // A review that was never saved starts on the template the rules choose for it.
  const fresh = editor.doc.version === 0 && !use;
  useEffect(() => {
    if (!fresh || !templates || !suggested || suggested === 'default') return;
    const template = templates.find((t) => t.id === suggested);
    // Once, when the templates arrive: `choose` is not a dependency (it changes with every edit).
    if (template) choose(template);
  }, [fresh, templates, suggested]);

  if (!templates || (templates.length <= 1 && !use)) return null;
  const currentId = use?.id ?? 'default';
  const template = templates.find((t) => t.id === currentId);
  const setAnswer = (questionId: string, value: TemplateAnswerValue) =>
    setContent(
      editor.edit,
      'template',
      { ...use!, answers: use!.answers.map((a) => (a.questionId === questionId ? { ...a, value } : a)) },
      `template.answers.${questionId}`,
    );

  return (
    <DocSection
      id="pir-doc-template"
      title="Template and questions"
      description="The site's review templates add questions and say what must be filled in before publishing."
    >
      <div className="pir-field">
        <label className="pir-field__label" htmlFor="pir-template-choice">
          Template
        </label>
        <Select
          id="pir-template-choice"
          options={[
            ...templates.map((t) => ({ value: t.id, label: t.id === suggested ? `${t.name} (suggested)` : t.name })),
            ...(template ? [] : [{ value: currentId, label: `${use?.name ?? currentId} (removed)` }]),
          ]}
          value={currentId}
          onChange={(event) => {
            const next = templates.find((t) => t.id === event.target.value);
            if (next) choose(next);
          }}
        />
      </div>
      {(use?.answers ?? []).map((answer) => (
        <QuestionField
          key={answer.questionId}
          answer={answer}
          choices={template?.questions.find((q) => q.id === answer.questionId)?.choices ?? []}
          error={editor.fieldErrors[`template.answers.${answer.questionId}`]}
          onChange={(v) => setAnswer(answer.questionId, v)}
        />
      ))}
    </DocSection>
  );
}

function QuestionField({
  answer,
  choices,
  error,
  onChange,
}: {
  answer: TemplateAnswer;
  choices: string[];
  error?: string;
  onChange: (value: TemplateAnswerValue) => void;
}) {
  const id = `pir-answer-${answer.questionId}`;
  const label = `${answer.label}${answer.required ? ' (required to publish)' : ''}${answer.public ? ' · public' : ''}`;
  return (
    <div className="pir-field">
      <label className="pir-field__label" htmlFor={id}>
        {label}
      </label>
      {answer.kind === 'yes-no' ? (
        <Select
          id={id}
          options={[
            { value: '', label: 'Not answered' },
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={answer.value === null ? '' : answer.value === true ? 'yes' : 'no'}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'yes')}
        />
      ) : answer.kind === 'choice' && choices.length > 0 ? (
        <Select
          id={id}
          options={[{ value: '', label: 'Not answered' }, ...choices.map((c) => ({ value: c, label: c }))]}
          value={typeof answer.value === 'string' ? answer.value : ''}
          onChange={(e) => onChange(e.target.value || null)}
        />
      ) : (
        <textarea
          id={id}
          className="pir-textarea"
          rows={3}
          maxLength={5000}
          value={typeof answer.value === 'string' ? answer.value : ''}
          onChange={(e) => onChange(e.target.value || null)}
        />
      )}
      {error && <span className="pir-inline-error">{error}</span>}
    </div>
  );
}
