import type { FieldFindings, PublishState } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import type { ReviewEditor } from '../hooks/useReviewDoc';
import { PublishedLinks } from '../publish/PublishedLinks';
import { FindingsSummary } from './FindingsSummary';
import { StatusControl } from './StatusControl';

interface SaveBarProps {
  editor: ReviewEditor;
  findings: readonly FieldFindings[];
  shortcut: string;
  /** Where the review is published, for the link to the page; null while unknown. */
  published: PublishState | null;
}

/** Status, wording suggestions, the unsaved-changes indicator and Save (also Ctrl/Cmd+S), and the published page. */
export function SaveBar({ editor, findings, shortcut, published }: SaveBarProps) {
  const state = editor.saving ? 'Saving…' : editor.dirty ? 'Unsaved changes' : editor.doc.updatedAt ? 'All changes saved' : 'Not saved yet';
  return (
    <div className="pir-savebar" role="region" aria-label="Review status and saving">
      <StatusControl status={editor.doc.status} setStatus={editor.setStatus} />
      <div className="pir-savebar__save">
        <FindingsSummary findings={findings} draft={editor.draft} />
        <span className={`pir-savebar__state${editor.dirty ? ' pir-savebar__state--dirty' : ''}`} role="status" data-dirty={editor.dirty}>
          {state}
        </span>
        <Button
          appearance="primary"
          isLoading={editor.saving}
          aria-keyshortcuts="Control+S Meta+S"
          title={`Save (${shortcut})`}
          onClick={() => void editor.save()}
        >
          Save
        </Button>
      </div>
      <PublishedLinks state={published} />
      {editor.saveError && (
        <div className="pir-savebar__error">
          <InlineError>{editor.saveError}</InlineError>
        </div>
      )}
    </div>
  );
}
