import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { DocSection } from '../components/DocSection';
import { moveBy, newFactor } from '../review-model/draft';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';
import { focusByIdSoon } from '../review-model/focus-field';
import { FactorRow } from './FactorRow';

export const ADD_FACTOR_ID = 'pir-add-factor';

/** Many contributing factors, never one root cause: add, edit, reorder, remove. */
export function ContributingFactorsSection() {
  const { editor } = useEditor();
  const factors = editor.draft.content.contributingFactors;
  const error = editor.fieldErrors['contributingFactors'];
  const set = (next: typeof factors) => setContent(editor.edit, 'contributingFactors', next);
  const add = () => {
    const factor = newFactor(crypto.randomUUID());
    set([...factors, factor]);
    focusByIdSoon(fieldDomId(`contributingFactors.${factor.id}.text`));
  };
  return (
    <DocSection
      id="pir-doc-factors"
      title="Contributing factors"
      description="Incidents have many contributing factors. For each, say how it made sense at the time."
    >
      {factors.length === 0 ? (
        <p className="pir-subtle">No contributing factors yet.</p>
      ) : (
        <ol className="pir-factors">
          {factors.map((factor, index) => (
            <FactorRow
              key={factor.id}
              factor={factor}
              index={index}
              count={factors.length}
              onChange={(text) =>
                setContent(
                  editor.edit,
                  'contributingFactors',
                  factors.map((f) => (f.id === factor.id ? { ...f, text } : f)),
                  `contributingFactors.${factor.id}`,
                )
              }
              onCategoryChange={(category) => set(factors.map((f) => (f.id === factor.id ? { ...f, category } : f)))}
              onMove={(delta) => {
                set(moveBy(factors, index, delta));
                // Focus follows the factor (an inert button at the end stays focusable).
                focusByIdSoon(`pir-factor-${delta < 0 ? 'up' : 'down'}-${factor.id}`);
              }}
              onRemove={() => {
                set(factors.filter((f) => f.id !== factor.id));
                focusByIdSoon(ADD_FACTOR_ID);
              }}
            />
          ))}
        </ol>
      )}
      {error && <InlineError>{error}</InlineError>}
      <div>
        <Button id={ADD_FACTOR_ID} spacing="compact" isDisabled={factors.length >= 50} onClick={add}>
          Add contributing factor
        </Button>
      </div>
    </DocSection>
  );
}
