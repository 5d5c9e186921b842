import { CheckedTextarea } from './CheckedTextarea';
import type { ImpactAnswer } from '../review-model/draft';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';
import { IMPACT_LABEL } from '../review-model/labels';

const ANSWERS: ImpactAnswer[] = ['yes', 'no', 'unknown'];

/** Were customers affected (yes / no / not known yet), and how. */
export function CustomerImpactField() {
  const { editor } = useEditor();
  const impact = editor.draft.content.customerImpact;
  const set = (patch: Partial<typeof impact>, field: string) => setContent(editor.edit, 'customerImpact', { ...impact, ...patch }, field);
  return (
    <div className="pir-field pir-impact">
      <fieldset className="pir-radio-group" id={fieldDomId('customerImpact.affected')}>
        <legend className="pir-field__label">Were customers affected?</legend>
        {ANSWERS.map((answer) => (
          <label key={answer} className="pir-radio">
            <input
              type="radio"
              name="pir-customer-affected"
              value={answer}
              checked={impact.affected === answer}
              onChange={() => set({ affected: answer }, 'customerImpact.affected')}
            />
            {IMPACT_LABEL[answer]}
          </label>
        ))}
      </fieldset>
      <CheckedTextarea
        field="customerImpact.text"
        label="Customer impact"
        hint="Who was affected, how, and for how long."
        rows={2}
        value={impact.text}
        onChange={(text) => set({ text }, 'customerImpact.text')}
      />
    </div>
  );
}
