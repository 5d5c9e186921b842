import { CheckedTextarea } from './CheckedTextarea';
import { DocSection } from '../components/DocSection';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';

/** The two questions every review answers: how do we know sooner, how do we recover sooner. */
export function GoalsSection() {
  const { editor } = useEditor();
  const { goals } = editor.draft.content;
  return (
    <DocSection
      id="pir-doc-goals"
      title="Goals"
      description="What this review is for: finding ways to notice incidents like this sooner, and to recover from them sooner."
    >
      <div className="pir-doc-grid pir-doc-grid--halves">
        <CheckedTextarea
          field="goals.knowSooner"
          label="Know sooner"
          hint="How could we detect this sooner?"
          value={goals.knowSooner}
          onChange={(knowSooner) => setContent(editor.edit, 'goals', { ...goals, knowSooner }, 'goals.knowSooner')}
        />
        <CheckedTextarea
          field="goals.recoverSooner"
          label="Recover sooner"
          hint="How could we restore service sooner?"
          value={goals.recoverSooner}
          onChange={(recoverSooner) => setContent(editor.edit, 'goals', { ...goals, recoverSooner }, 'goals.recoverSooner')}
        />
      </div>
    </DocSection>
  );
}
