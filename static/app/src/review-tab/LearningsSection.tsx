import { CheckedTextarea } from './CheckedTextarea';
import { DocSection } from '../components/DocSection';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';

/** The most important section: what we learned, what went well, what surprised us. */
export function LearningsSection() {
  const { editor } = useEditor();
  const { learnings } = editor.draft.content;
  const set = (patch: Partial<typeof learnings>, field: string) => setContent(editor.edit, 'learnings', { ...learnings, ...patch }, field);
  return (
    <DocSection
      id="pir-doc-learnings"
      title="Learnings"
      emphasis
      description="The heart of the review. Describe how the system and the work looked at the time, not who should have done what."
    >
      <CheckedTextarea
        field="learnings.learned"
        label="What we learned"
        hint="About the system, the tools, and how we work together."
        rows={7}
        value={learnings.learned}
        onChange={(learned) => set({ learned }, 'learnings.learned')}
      />
      <CheckedTextarea
        field="learnings.wentWell"
        label="What went well"
        hint="What helped: people, tools, habits worth keeping."
        rows={5}
        value={learnings.wentWell}
        onChange={(wentWell) => set({ wentWell }, 'learnings.wentWell')}
      />
      <CheckedTextarea
        field="learnings.surprised"
        label="What surprised us"
        hint="Where the system behaved differently from what people expected."
        rows={5}
        value={learnings.surprised}
        onChange={(surprised) => set({ surprised }, 'learnings.surprised')}
      />
    </DocSection>
  );
}
