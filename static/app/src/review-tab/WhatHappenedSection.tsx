import { withCommander } from '../../../../src/domain/incident-commander';
import { CheckedTextarea } from './CheckedTextarea';
import { ChipsInput } from './ChipsInput';
import { CustomerImpactField } from './CustomerImpactField';
import { DocSection } from '../components/DocSection';
import { DraftNarrative } from './DraftNarrative';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';
import { PeoplePicker } from './PeoplePicker';
import { useKnownServices } from '../hooks/useKnownServices';

/** Description, customer impact, incident commander and the services impacted. */
export function WhatHappenedSection() {
  const { editor } = useEditor();
  const { content } = editor.draft;
  const errors = editor.fieldErrors;
  const knownServices = useKnownServices(editor.doc.incidentKey);
  return (
    <DocSection id="pir-doc-what-happened" title="What happened">
      <CheckedTextarea
        field="description"
        label="Description"
        hint="What happened, in a few sentences, as it looked to the people involved."
        rows={4}
        value={content.description}
        onChange={(description) => setContent(editor.edit, 'description', description)}
      />
      <DraftNarrative />
      <CustomerImpactField />
      <div className="pir-doc-grid">
        <PeoplePicker
          id={fieldDomId('incidentCommander')}
          label="Incident commander"
          value={content.incidentCommander}
          error={errors['incidentCommander']}
          // One fact with the participants' commander role: the participant who is this person holds it, nobody else.
          onChange={(person) => editor.edit((draft) => ({ ...draft, content: withCommander(draft.content, person) }), 'incidentCommander')}
        />
        <ChipsInput
          id={fieldDomId('servicesImpacted')}
          label="Services impacted"
          hint="Press Enter or comma after each service. Names used in earlier reviews are suggested as you type."
          values={content.servicesImpacted}
          suggestions={knownServices}
          allowSpaces
          max={50}
          error={errors['servicesImpacted']}
          onChange={(services) => setContent(editor.edit, 'servicesImpacted', services)}
        />
      </div>
    </DocSection>
  );
}
