import type { ActionItem, ActionItemConflict, ActionQuestion } from '../../../../src/contract';
import { Button } from '../components/Button';
import { DatePicker } from '../components/DatePicker';
import { Select } from '../components/Select';
import { ActionItemConflicts } from './ActionItemConflicts';
import { ActionItemJiraState } from './ActionItemJiraState';
import { CheckedTextarea } from './CheckedTextarea';
import { PRIORITIES, type ItemDraft } from '../review-model/draft';
import { patchItem } from '../review-model/draft-edits';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';
import { FormField } from '../components/FormField';
import { optionsOf, QUESTION_LABEL } from '../review-model/labels';
import { PeoplePicker } from './PeoplePicker';

const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: p }));
const QUESTION_OPTIONS = optionsOf(QUESTION_LABEL);

interface ActionItemCardProps {
  item: ItemDraft;
  index: number;
  saved: ActionItem | null;
  failure: string | null;
  onRemove: () => void;
  onSettle: (conflict: ActionItemConflict, keep: 'mine' | 'jira') => void;
  settling: boolean;
}

/** One countermeasure: what, who, by when, how urgent, which question it answers, and its sub-task. */
export function ActionItemCard({ item, index, saved, failure, onRemove, onSettle, settling }: ActionItemCardProps) {
  const { editor } = useEditor();
  const errors = editor.fieldErrors;
  const path = (leaf: keyof ItemDraft) => `actionItems.${item.id}.${leaf}`;
  const name = `Action item ${index + 1}`;
  return (
    <li className="pir-item">
      <fieldset className="pir-item__fieldset" aria-label={name}>
        <div className="pir-item__head">
          <h4 className="pir-item__legend">{name}</h4>
          <Button appearance="subtle" spacing="compact" aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
        <CheckedTextarea
          field={path('summary')}
          label="Summary"
          singleLine
          maxLength={255}
          value={item.summary}
          onChange={(summary) => patchItem(editor.edit, item.id, { summary }, 'summary')}
        />
        <CheckedTextarea
          field={path('description')}
          label="Description"
          rows={2}
          value={item.description}
          onChange={(description) => patchItem(editor.edit, item.id, { description }, 'description')}
        />
        <div className="pir-item__grid">
          <PeoplePicker
            id={fieldDomId(path('owner'))}
            label="Owner"
            value={item.owner}
            error={errors[path('owner')]}
            onChange={(owner) => patchItem(editor.edit, item.id, { owner }, 'owner')}
          />
          <FormField id={fieldDomId(path('dueDate'))} label="Due date" error={errors[path('dueDate')]}>
            {(props) => (
              <DatePicker {...props} value={item.dueDate} onChange={(dueDate) => patchItem(editor.edit, item.id, { dueDate }, 'dueDate')} />
            )}
          </FormField>
          <FormField id={fieldDomId(path('priority'))} label="Priority" error={errors[path('priority')]}>
            {(props) => (
              <Select
                {...props}
                options={PRIORITY_OPTIONS}
                value={item.priority}
                onChange={(event) => patchItem(editor.edit, item.id, { priority: event.target.value }, 'priority')}
              />
            )}
          </FormField>
          <FormField id={fieldDomId(path('question'))} label="Answers" error={errors[path('question')]}>
            {(props) => (
              <Select
                {...props}
                options={QUESTION_OPTIONS}
                value={item.question}
                onChange={(event) => patchItem(editor.edit, item.id, { question: event.target.value as ActionQuestion }, 'question')}
              />
            )}
          </FormField>
        </div>
        <ActionItemJiraState saved={saved} failure={failure} />
        <ActionItemConflicts name={name} conflicts={saved?.conflicts ?? []} onSettle={onSettle} busy={settling} />
      </fieldset>
    </li>
  );
}
