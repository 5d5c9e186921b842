import { useState } from 'react';
import type { ExternalSummary, ExternalSummaryInput, PublishResult, PublishTarget } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { Button } from '../components/Button';
import { SectionMessage } from '../components/SectionMessage';
import { useAction } from '../hooks/useAction';
import type { ReviewEditor } from '../hooks/useReviewDoc';
import { setContent } from '../review-model/draft-edits';
import { FormField } from '../components/FormField';
import { ExternalPreview } from './ExternalPreview';
import { NOT_SAVED_TEXT, publishFailureText } from './publish-errors';
import { PublishedOutcome } from './PublishedOutcome';

interface ExternalSummaryPartProps {
  editor: ReviewEditor;
  target: PublishTarget | null;
  onPublished: (result: PublishResult, target: PublishTarget) => void;
}

interface Previewed {
  summary: ExternalSummary;
  docVersion: number;
}

/**
 * The optional external summary: two plain-text fields only the public page has, a preview that
 * is exactly what will be public, and publishing, allowed once the preview is current. The two
 * fields are part of the review's draft and saved with it (Save, or before previewing and
 * publishing), so they survive a reload and a re-publish sends them again.
 */
export function ExternalSummaryPart({ editor, target, onPublished }: ExternalSummaryPartProps) {
  const issueKey = editor.doc.incidentKey;
  const { externalSummary } = editor.draft.content;
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  // The preview is built from the saved review: it is current while nothing was typed or saved since.
  const current = previewed !== null && previewed.docVersion === editor.doc.version && !editor.dirty;

  const fail = (error: unknown, what: string) => setMessage(publishFailureText(toAppRequestError(error), what));

  const preview = useAction(async () => {
    setMessage(null);
    if (!(await editor.save())) {
      setMessage('Nothing was previewed because the review could not be saved. Fix what the form shows, then preview again.');
      return;
    }
    try {
      const summary = await invoke('publish/external/preview', { issueKey });
      setPreviewed({ summary, docVersion: editor.doc.version });
    } catch (error) {
      fail(error, 'external summary preview');
    }
  });

  const publish = useAction(async () => {
    setMessage(null);
    setResult(null);
    if (!target) return;
    try {
      const answer = await editor.writeWithDoc((version) => invoke('publish/external', { issueKey, target, version }));
      if (!answer) {
        setMessage(NOT_SAVED_TEXT);
        return;
      }
      setResult(answer);
      setPreviewed((p) => (p ? { ...p, docVersion: answer.doc.version } : p));
      onPublished(answer, target);
    } catch (error) {
      fail(error, 'external summary');
    }
  });

  const edit = (field: keyof ExternalSummaryInput) => (text: string) =>
    setContent(editor.edit, 'externalSummary', { ...editor.draft.content.externalSummary, [field]: text }, `externalSummary.${field}`);
  const blocked = !target
    ? 'Choose a space above first.'
    : !current
      ? 'Preview the summary first: you publish exactly what the preview shows.'
      : null;

  return (
    <section className="pir-publish__part" aria-labelledby="pir-publish-external-heading">
      <h4 className="pir-publish__heading" id="pir-publish-external-heading">
        External summary <span className="pir-subtle pir-publish__optional">(optional)</span>
      </h4>
      <p className="pir-subtle">
        A separate page for customers and the wider company, in the same place as the report. Built from the review without people's names,
        comment text or entries marked internal.
      </p>
      <FormField
        id="pir-external-proximate-cause"
        label="Proximate cause"
        hint="One or two plain sentences on what directly triggered the incident."
        error={editor.fieldErrors['externalSummary.proximateCause']}
      >
        {(props) => (
          <textarea
            {...props}
            className="pir-input pir-textarea"
            rows={2}
            maxLength={2000}
            value={externalSummary.proximateCause}
            onChange={(event) => edit('proximateCause')(event.target.value)}
          />
        )}
      </FormField>
      <FormField
        id="pir-external-resolution"
        label="Resolution"
        hint="How service was restored."
        error={editor.fieldErrors['externalSummary.resolution']}
      >
        {(props) => (
          <textarea
            {...props}
            className="pir-input pir-textarea"
            rows={2}
            maxLength={2000}
            value={externalSummary.resolution}
            onChange={(event) => edit('resolution')(event.target.value)}
          />
        )}
      </FormField>
      <div className="pir-form-actions">
        <Button
          id="pir-external-preview-button"
          isLoading={preview.busy}
          onClick={() => void preview.run()}
          aria-controls={previewed ? 'pir-external-preview' : undefined}
        >
          Preview
        </Button>
        <Button
          id="pir-publish-external"
          appearance="primary"
          isLoading={publish.busy}
          isDisabled={blocked !== null}
          aria-describedby={blocked ? 'pir-publish-external-hint' : undefined}
          onClick={() => void publish.run()}
        >
          Publish external summary
        </Button>
        {blocked && (
          <span className="pir-subtle pir-publish__hint" id="pir-publish-external-hint">
            {blocked}
          </span>
        )}
      </div>
      {previewed && <ExternalPreview summary={previewed.summary} stale={!current} />}
      <div aria-live="polite">
        {result && !publish.busy && <PublishedOutcome result={result} what="External summary" linkId="pir-publish-external-link" />}
      </div>
      {message && (
        <SectionMessage appearance="error" title="Not published">
          <p>{message}</p>
        </SectionMessage>
      )}
    </section>
  );
}
