import { Button } from '../components/Button';
import { SectionMessage } from '../components/SectionMessage';
import type { SaveConflict } from '../hooks/useReviewDoc';
import type { ReviewDraft } from '../review-model/draft';
import { fieldLabel } from '../review-model/field-paths';

interface ConflictBannerProps {
  conflict: SaveConflict;
  draft: ReviewDraft;
  onSave: () => void;
  saving: boolean;
  onDismiss: () => void;
}

/** Someone saved first: their version is loaded, the user's typing is kept on top, save again. */
export function ConflictBanner({ conflict, draft, onSave, saving, onDismiss }: ConflictBannerProps) {
  return (
    <SectionMessage
      appearance="warning"
      title="Not saved: someone else saved this review first"
      actions={
        <>
          <Button appearance="link" isLoading={saving} onClick={onSave}>
            Save again
          </Button>
          <Button appearance="link" onClick={onDismiss}>
            Dismiss
          </Button>
        </>
      }
    >
      <p>{conflict.message}</p>
      <p>Their changes are now in the form; everything you typed is still here.</p>
      {conflict.clashes.length > 0 && (
        <p>
          {`You both changed: ${[...new Set(conflict.clashes.map((path) => fieldLabel(path.replace(/^content\./, ''), draft)))].join(', ')}. Your version is kept; check it before saving again.`}
        </p>
      )}
    </SectionMessage>
  );
}
