import { useId, type ReactNode } from 'react';
import type { AnnotationPatch, TimelineEntry } from '../../../../src/contract';
import { Button } from '../components/Button';
import { Select } from '../components/Select';
import { IMPACT_LABEL, KIND_LABEL, MOMENT_LABEL, MOMENT_ORDER, PHASE_LABEL, keysOf } from '../timeline-model/labels';
import { MomentChips } from './MomentChips';

interface AnnotationEditorProps {
  entry: TimelineEntry;
  /** "the entry at 14:05", for messages about a change that was not applied. */
  entryName: string;
  onAnnotate: (patch: AnnotationPatch, what: string) => void;
  onClose: () => void;
  /** Only for manual entries: edit and remove. */
  manualActions?: ReactNode;
}

const options = (labels: Record<string, string>) => [
  { value: '', label: 'Not set' },
  ...keysOf(labels).map((value) => ({ value, label: labels[value] ?? value })),
];
const KIND_OPTIONS = options(KIND_LABEL);
const PHASE_OPTIONS = options(PHASE_LABEL);
const IMPACT_OPTIONS = options(IMPACT_LABEL);

/** Inline annotation: every choice is saved at once (optimistically) through 'timeline/annotate'; an option only highlighted is not a choice. */
export function AnnotationEditor({ entry, entryName, onAnnotate, onClose, manualActions }: AnnotationEditorProps) {
  const id = useId();
  const { annotation } = entry;

  const select = (field: 'kind' | 'phase' | 'impact', value: string) =>
    onAnnotate({ [field]: value === '' ? null : value }, `${field} of ${entryName}`);

  return (
    <div className="pir-annotation-editor" role="group" aria-label={`Annotate ${entryName}`}>
      <div className="pir-annotation-editor__fields">
        <div className="pir-field">
          <label className="pir-field__label" htmlFor={`${id}-kind`}>
            Kind
          </label>
          <Select
            id={`${id}-kind`}
            autoFocus
            spacing="compact"
            options={KIND_OPTIONS}
            value={annotation.kind ?? ''}
            onChange={(event) => select('kind', event.target.value)}
          />
        </div>
        <div className="pir-field">
          <label className="pir-field__label" htmlFor={`${id}-phase`}>
            Phase
          </label>
          <Select
            id={`${id}-phase`}
            spacing="compact"
            options={PHASE_OPTIONS}
            value={annotation.phase ?? ''}
            onChange={(event) => select('phase', event.target.value)}
          />
        </div>
        <div className="pir-field">
          <label className="pir-field__label" htmlFor={`${id}-impact`}>
            Impact on restoring service
          </label>
          <Select
            id={`${id}-impact`}
            spacing="compact"
            options={IMPACT_OPTIONS}
            value={annotation.impact ?? ''}
            onChange={(event) => select('impact', event.target.value)}
          />
        </div>
        <label className="pir-checkbox" htmlFor={`${id}-internal`}>
          <input
            id={`${id}-internal`}
            type="checkbox"
            checked={annotation.internal}
            onChange={(event) => onAnnotate({ internal: event.target.checked }, `"internal only" of ${entryName}`)}
          />
          Internal only
          <span className="pir-subtle pir-checkbox__hint">never in the external summary</span>
        </label>
      </div>
      <MomentChips
        legend="Key moments this entry marks"
        all={MOMENT_ORDER}
        labels={MOMENT_LABEL}
        selected={annotation.moments}
        onChange={(moments) => onAnnotate({ moments }, `key moments of ${entryName}`)}
      />
      <div className="pir-annotation-editor__footer">
        {manualActions}
        <Button appearance="subtle" spacing="compact" onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
