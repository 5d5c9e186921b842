import { useMemo, useState } from 'react';
import type { ActionItemConflict, ActionSyncResult } from '../../../../src/contract';
import { invoke } from '../bridge';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { InlineError } from '../components/InlineError';
import { SectionMessage } from '../components/SectionMessage';
import { useAction } from '../hooks/useAction';
import { ActionItemCard } from './ActionItemCard';
import { DocSection } from '../components/DocSection';
import { newItem } from '../review-model/draft';
import { useEditor } from './editor-context';
import { fieldDomId } from '../review-model/field-paths';
import { focusByIdSoon } from '../review-model/focus-field';
import { SyncResultMessage } from './SyncResultMessage';

export const ADD_ITEM_ID = 'pir-add-action-item';
const MAX_ITEMS = 60;

/** Countermeasures and their Jira sub-tasks: add, edit, remove, then "Create in Jira". */
export function ActionItemsSection() {
  const { editor } = useEditor();
  const items = editor.draft.actionItems;
  const savedById = useMemo(() => new Map(editor.doc.actionItems.map((item) => [item.id, item])), [editor.doc.actionItems]);
  const [result, setResult] = useState<ActionSyncResult | null>(null);
  const [notSaved, setNotSaved] = useState(false);
  const sync = useAction(async () => {
    setNotSaved(false);
    const answer = await editor.sync();
    if (answer) setResult(answer);
    else setNotSaved(true);
  });
  // Keeping mine is sent to Jira straight away (that is what the choice means); taking Jira's
  // changes only the review, which already agrees with Jira then.
  const settle = useAction(async (itemId: string, conflict: ActionItemConflict, keep: 'mine' | 'jira') => {
    const issueKey = editor.doc.incidentKey;
    const done = await editor.writeWithDoc(async (version) => ({
      doc: await invoke('actions/settle', { issueKey, itemId, conflict, keep, version }),
    }));
    if (done && keep === 'mine') await sync.run();
  });
  const failures = useMemo(() => new Map((result?.failed ?? []).map((f) => [f.itemId, f.message])), [result]);
  const needsCreate = items.some((item) => !savedById.get(item.id)?.jira);
  const error = editor.fieldErrors['actionItems'];

  const add = () => {
    const item = newItem(crypto.randomUUID());
    editor.edit((draft) => ({ ...draft, actionItems: [...draft.actionItems, item] }), 'actionItems');
    focusByIdSoon(fieldDomId(`actionItems.${item.id}.summary`));
  };
  const remove = (id: string) => {
    editor.edit((draft) => ({ ...draft, actionItems: draft.actionItems.filter((item) => item.id !== id) }), `actionItems.${id}`);
    focusByIdSoon(ADD_ITEM_ID);
  };
  const nameOf = (id: string) => {
    const index = items.findIndex((item) => item.id === id);
    const summary = items[index]?.summary.trim();
    return index < 0 ? 'A removed action item' : `Action item ${index + 1}${summary ? ` (${summary})` : ''}`;
  };

  const syncButton = items.length > 0 && (
    <Button appearance="primary" isLoading={sync.busy} onClick={() => void sync.run()} aria-describedby="pir-sync-hint">
      {needsCreate ? 'Create in Jira' : 'Update in Jira'}
    </Button>
  );

  return (
    <DocSection
      id="pir-doc-actions"
      title={`Action items${items.length > 0 ? ` (${items.length})` : ''}`}
      description="Countermeasures with an owner and a due date. Each becomes a sub-task of this incident in Jira."
    >
      {items.length === 0 ? (
        <EmptyState
          headingLevel={3}
          header="No action items yet"
          description="Add what will help you know sooner or recover sooner next time. Each item becomes a Jira sub-task with its owner, due date and priority."
          actions={
            <Button id={ADD_ITEM_ID} onClick={add}>
              Add action item
            </Button>
          }
        />
      ) : (
        <>
          <ul className="pir-items">
            {items.map((item, index) => (
              <ActionItemCard
                key={item.id}
                item={item}
                index={index}
                saved={savedById.get(item.id) ?? null}
                failure={failures.get(item.id) ?? null}
                onRemove={() => remove(item.id)}
                onSettle={(conflict, keep) => void settle.run(item.id, conflict, keep)}
                settling={settle.busy || sync.busy}
              />
            ))}
          </ul>
          {error && <InlineError>{error}</InlineError>}
          <div className="pir-items__footer">
            <Button id={ADD_ITEM_ID} isDisabled={items.length >= MAX_ITEMS} onClick={add}>
              Add action item
            </Button>
            {syncButton}
            <span className="pir-subtle pir-items__hint" id="pir-sync-hint">
              {editor.dirty
                ? 'Saves the review first.'
                : needsCreate
                  ? 'Creates the missing sub-tasks; running it again adds none.'
                  : 'Sends your edits to the sub-tasks.'}
            </span>
          </div>
        </>
      )}
      <div aria-live="polite">
        {result && !sync.busy && <SyncResultMessage result={result} nameOf={nameOf} />}
        {notSaved && !sync.busy && (
          <InlineError>{`Nothing was sent to Jira because the review could not be saved. ${editor.conflict ? 'Someone else changed it: check the form and try again.' : (editor.saveError ?? '')}`}</InlineError>
        )}
      </div>
      {settle.error && (
        <SectionMessage appearance="error" title="Couldn't settle the change">
          <p>{settle.error.message}</p>
        </SectionMessage>
      )}
      {sync.error && (
        <SectionMessage appearance="error" title="Couldn't update Jira">
          <p>{sync.error.message}</p>
        </SectionMessage>
      )}
    </DocSection>
  );
}
