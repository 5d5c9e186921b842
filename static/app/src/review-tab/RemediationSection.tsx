import { CheckedTextarea } from './CheckedTextarea';
import { ChipsInput } from './ChipsInput';
import { DocSection } from '../components/DocSection';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';

/** How service was restored, and the tags the report and Jira labels carry. */
export function RemediationSection() {
  const { editor } = useEditor();
  const { content } = editor.draft;
  return (
    <DocSection id="pir-doc-remediation" title="Remediation and tags">
      <CheckedTextarea
        field="remediation"
        label="Remediation"
        hint="What restored service, and what was done afterwards."
        rows={4}
        value={content.remediation}
        onChange={(remediation) => setContent(editor.edit, 'remediation', remediation)}
      />
      <ChipsInput
        id={fieldDomId('tags')}
        label="Tags"
        hint="No spaces (they become Jira labels): “customer facing” is added as “customer-facing”."
        values={content.tags}
        allowSpaces={false}
        max={30}
        error={editor.fieldErrors['tags']}
        onChange={(tags) => setContent(editor.edit, 'tags', tags)}
      />
    </DocSection>
  );
}
