import type { ReviewTemplate, SeverityLevel, TemplateQuestion, TemplateQuestionKind } from '../../../../src/contract';
import { REQUIRABLE_FIELDS, TEMPLATE_SECTIONS } from '../../../../src/vocabulary';
import { Button } from '../components/Button';
import { Select } from '../components/Select';
import { KIND_LABEL, REQUIRED_LABEL, SECTION_LABEL } from './labels';

const SEVERITIES: SeverityLevel[] = [1, 2, 3, 4, 5];
const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** One template's form; every change goes up at once (the page saves all templates together). */
export function TemplateEditor({
  template,
  errors,
  onChange,
  onRemove,
}: {
  template: ReviewTemplate;
  errors: Record<string, string>;
  onChange: (t: ReviewTemplate) => void;
  onRemove: () => void;
}) {
  const set = (patch: Partial<ReviewTemplate>) => onChange({ ...template, ...patch });
  const setQuestion = (index: number, patch: Partial<TemplateQuestion>) =>
    set({ questions: template.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)) });
  const id = (part: string) => `pir-tpl-${template.id}-${part}`;
  const error = (path: string) => Object.entries(errors).find(([k]) => k === path || k.startsWith(`${path}.`))?.[1];
  return (
    <fieldset className="pir-template" aria-labelledby={id('legend')}>
      <legend id={id('legend')} className="pir-template__legend">
        {template.name || 'New template'}
      </legend>
      <div className="pir-doc-grid">
        <label className="pir-field" htmlFor={id('name')}>
          <span className="pir-field__label">Name</span>
          <input
            id={id('name')}
            className="pir-input"
            maxLength={80}
            value={template.name}
            onChange={(e) => set({ name: e.target.value })}
          />
          {error('name') && <span className="pir-inline-error">{error('name')}</span>}
        </label>
        <label className="pir-field" htmlFor={id('types')}>
          <span className="pir-field__label">Issue types (comma-separated; any when empty)</span>
          <input
            id={id('types')}
            className="pir-input"
            defaultValue={template.issueTypes.join(', ')}
            onBlur={(e) => set({ issueTypes: splitList(e.target.value) })}
          />
        </label>
        <label className="pir-field pir-doc-grid__wide" htmlFor={id('desc')}>
          <span className="pir-field__label">Description</span>
          <input
            id={id('desc')}
            className="pir-input"
            maxLength={500}
            value={template.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </label>
      </div>
      <div className="pir-template__group" role="group" aria-label="Severities">
        <span className="pir-field__label">Severities (any when none is ticked)</span>
        {SEVERITIES.map((level) => (
          <label key={level} className="pir-checkbox">
            <input
              type="checkbox"
              checked={template.severities.includes(level)}
              onChange={(e) => set({ severities: toggle(template.severities, level, e.target.checked).sort() })}
            />
            {`Sev${level}`}
          </label>
        ))}
      </div>
      <div className="pir-template__group" role="group" aria-label="Sections">
        <span className="pir-field__label">Sections shown</span>
        {TEMPLATE_SECTIONS.map((section) => (
          <label key={section} className="pir-checkbox">
            <input
              type="checkbox"
              checked={template.sections.includes(section)}
              onChange={(e) =>
                set({ sections: TEMPLATE_SECTIONS.filter((s) => (s === section ? e.target.checked : template.sections.includes(s))) })
              }
            />
            {SECTION_LABEL[section]}
          </label>
        ))}
      </div>
      <div className="pir-template__group" role="group" aria-label="Required before publishing">
        <span className="pir-field__label">Required before publishing</span>
        {REQUIRABLE_FIELDS.map((field) => (
          <label key={field} className="pir-checkbox">
            <input
              type="checkbox"
              checked={template.requiredFields.includes(field)}
              onChange={(e) =>
                set({
                  requiredFields: REQUIRABLE_FIELDS.filter((f) => (f === field ? e.target.checked : template.requiredFields.includes(f))),
                })
              }
            />
            {REQUIRED_LABEL[field]}
          </label>
        ))}
      </div>
      <div className="pir-template__questions">
        <span className="pir-field__label">Extra questions</span>
        {template.questions.length === 0 && <p className="pir-subtle">No extra questions.</p>}
        {template.questions.map((q, index) => (
          <div key={q.id} className="pir-template__question" role="group" aria-label={`Question ${index + 1}`}>
            <label className="pir-visually-hidden" htmlFor={id(`q-${q.id}`)}>{`Question ${index + 1}`}</label>
            <input
              id={id(`q-${q.id}`)}
              className="pir-input pir-template__question-text"
              placeholder="The question"
              maxLength={200}
              value={q.label}
              onChange={(e) => setQuestion(index, { label: e.target.value })}
            />
            <label className="pir-visually-hidden" htmlFor={id(`k-${q.id}`)}>{`Kind of question ${index + 1}`}</label>
            <Select
              id={id(`k-${q.id}`)}
              spacing="compact"
              options={(Object.keys(KIND_LABEL) as TemplateQuestionKind[]).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
              value={q.kind}
              onChange={(e) =>
                setQuestion(index, { kind: e.target.value as TemplateQuestionKind, choices: e.target.value === 'choice' ? q.choices : [] })
              }
            />
            {q.kind === 'choice' && (
              <input
                className="pir-input pir-template__choices"
                aria-label={`Choices of question ${index + 1}, comma-separated`}
                placeholder="Choices, comma-separated"
                defaultValue={q.choices.join(', ')}
                onBlur={(e) => setQuestion(index, { choices: splitList(e.target.value) })}
              />
            )}
            <label className="pir-checkbox">
              <input type="checkbox" checked={q.required} onChange={(e) => setQuestion(index, { required: e.target.checked })} />
              Required
            </label>
            <label className="pir-checkbox">
              <input type="checkbox" checked={q.public} onChange={(e) => setQuestion(index, { public: e.target.checked })} />
              In the external summary
            </label>
            <Button
              appearance="subtle"
              spacing="compact"
              aria-label={`Remove question ${index + 1}`}
              onClick={() => set({ questions: template.questions.filter((_, i) => i !== index) })}
            >
              Remove
            </Button>
            {error(`questions.${index}`) && <span className="pir-inline-error">{error(`questions.${index}`)}</span>}
          </div>
        ))}
        <Button
          spacing="compact"
          isDisabled={template.questions.length >= 20}
          onClick={() =>
            set({
              questions: [
                ...template.questions,
                {
                  id: `q${Date.now().toString(36)}${template.questions.length}`,
                  label: '',
                  kind: 'text',
                  choices: [],
                  required: false,
                  public: false,
                },
              ],
            })
          }
        >
          Add question
        </Button>
      </div>
      <div>
        <Button appearance="subtle" onClick={onRemove}>
          Remove template
        </Button>
      </div>
    </fieldset>
  );
}
