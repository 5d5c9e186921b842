import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldFindings, PublishResult, PublishState, PublishTarget, SpaceSummary } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { Button } from '../components/Button';
import { SectionMessage } from '../components/SectionMessage';
import { Spinner } from '../components/Spinner';
import { useAction } from '../hooks/useAction';
import { useAppContext } from '../hooks/useAppContext';
import type { PublishStateHook } from '../hooks/usePublishState';
import type { ReviewEditor } from '../hooks/useReviewDoc';
import { DocSection } from '../components/DocSection';
import { countFindings } from '../review-model/finding-spans';
import { AudienceNotice } from './AudienceNotice';
import { ConfluenceNotConnected } from './ConfluenceNotConnected';
import { ConfirmPublish } from './ConfirmPublish';
import { ExternalSummaryPart } from './ExternalSummaryPart';
import { ParentPagePicker, type ParentChoice } from './ParentPagePicker';
import { NOT_SAVED_TEXT, publishFailureText } from './publish-errors';
import { spaceFromTarget, targetFieldError, targetOf } from './publish-helpers';
import { PublishedOutcome } from './PublishedOutcome';
import { SpacePicker } from './SpacePicker';

interface PublishSectionProps {
  editor: ReviewEditor;
  /** The review's open wording suggestions, as the save bar counts them. */
  findings: readonly FieldFindings[];
  publishState: PublishStateHook;
}

/** "Publish to Confluence": where (space, parent page), the internal report, then the optional external summary. */
export function PublishSection({ editor, findings, publishState }: PublishSectionProps) {
  const { load } = publishState;
  return (
    <DocSection
      id="pir-doc-publish"
      title="Publish to Confluence"
      description="The internal report goes to a Confluence page for your team; publishing again updates the same page."
    >
      {load.status === 'loading' ? (
        <Spinner label="Loading where this review is published" />
      ) : load.status === 'ready' && load.state.confluence === 'not-connected' ? (
        <ConfluenceNotConnected />
      ) : (
        <>
          {load.status === 'error' && (
            <SectionMessage
              appearance="warning"
              title="Couldn't load where this review was published"
              actions={
                <Button appearance="link" onClick={publishState.retry}>
                  Try again
                </Button>
              }
            >
              <p>{load.error.message}</p>
            </SectionMessage>
          )}
          <PublishForm
            editor={editor}
            findings={findings}
            publishState={publishState}
            initial={load.status === 'ready' ? load.state : null}
          />
        </>
      )}
    </DocSection>
  );
}

interface PublishFormProps extends PublishSectionProps {
  initial: PublishState | null;
}

function PublishForm({ editor, findings, publishState, initial }: PublishFormProps) {
  const context = useAppContext();
  const issueKey = editor.doc.incidentKey;
  const [remembered] = useState(() => initial?.target ?? null);
  const [space, setSpace] = useState<SpaceSummary | null>(() => (remembered ? spaceFromTarget(remembered) : null));
  const [parent, setParent] = useState<ParentChoice>(() => ({
    id: remembered?.parentId ?? null,
    title: initial?.targetParentTitle ?? null,
  }));
  const [confirming, setConfirming] = useState(false);
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const audience = initial?.audience ?? null;
  const [result, setResult] = useState<PublishResult | null>(null);
  const [failure, setFailure] = useState<{ text: string; target: string | null } | null>(null);
  const publishButton = useRef<HTMLButtonElement>(null);
  const target: PublishTarget | null = space ? targetOf(space, parent.id) : null;
  const openFindings = countFindings(findings);
  const published = initial?.internal ?? null;

  // The remembered space comes as an id and key; its name is looked up once for the picker.
  useEffect(() => {
    if (!remembered) return undefined;
    let current = true;
    invoke('publish/spaces', { issueKey, query: remembered.spaceKey }).then(
      (spaces) => {
        const match = spaces.find((s) => s.id === remembered.spaceId);
        if (current && match) setSpace((chosen) => (chosen?.id === match.id ? match : chosen));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [issueKey, remembered]);

  const chooseSpace = (next: SpaceSummary | null) => {
    if (next?.id !== space?.id) setParent({ id: null, title: null });
    setSpace(next);
    setFailure(null);
  };
  const chooseParent = useCallback((choice: ParentChoice) => setParent(choice), []);

  const publish = useAction(async () => {
    setConfirming(false);
    setResult(null);
    setFailure(null);
    if (!target) return;
    try {
      const answer = await editor.writeWithDoc((version) =>
        invoke('publish/internal', { issueKey, target, version, timeZone: context.timezone, includeRestricted }),
      );
      if (!answer) {
        setFailure({ text: NOT_SAVED_TEXT, target: null });
        return;
      }
      setResult(answer);
      publishState.recordPage('internal', answer.page, target);
    } catch (error) {
      const appError = toAppRequestError(error);
      setFailure({
        text: publishFailureText(appError, 'report'),
        target: appError.code === 'VALIDATION' ? targetFieldError(appError.fields) : null,
      });
    }
  });

  const requestPublish = () => {
    if (!target) return;
    if (openFindings > 0) setConfirming(true);
    else void publish.run();
  };
  const cancelConfirm = () => {
    setConfirming(false);
    publishButton.current?.focus();
  };

  const hint = !target
    ? 'Choose a space first.'
    : editor.dirty
      ? 'Saves the review first.'
      : published
        ? 'Updates the published page in place (a new version).'
        : 'Creates the page and marks the review published.';

  return (
    <div className="pir-publish" data-ready="publish">
      <section className="pir-publish__part" aria-labelledby="pir-publish-internal-heading">
        <h4 className="pir-publish__heading" id="pir-publish-internal-heading">
          Internal report
        </h4>
        <SpacePicker id="pir-publish-space" issueKey={issueKey} value={space} onChange={chooseSpace} error={failure?.target ?? null} />
        {space && (
          <ParentPagePicker
            key={space.id}
            id="pir-publish-parent"
            issueKey={issueKey}
            space={space}
            value={parent}
            onChange={chooseParent}
          />
        )}
        {audience && (
          <AudienceNotice audience={audience} includeRestricted={includeRestricted} onIncludeRestrictedChange={setIncludeRestricted} />
        )}
        <div className="pir-form-actions">
          <Button
            ref={publishButton}
            id="pir-publish-internal"
            appearance="primary"
            isLoading={publish.busy}
            isDisabled={!target || confirming}
            aria-describedby="pir-publish-internal-hint"
            onClick={requestPublish}
          >
            {published ? 'Publish report again' : 'Publish report'}
          </Button>
          <span className="pir-subtle pir-publish__hint" id="pir-publish-internal-hint">
            {hint}
          </span>
        </div>
        {confirming && (
          <ConfirmPublish findings={findings} draft={editor.draft} onConfirm={() => void publish.run()} onCancel={cancelConfirm} />
        )}
        <div aria-live="polite">
          {result && !publish.busy && <PublishedOutcome result={result} what="Report" linkId="pir-publish-result-link" />}
        </div>
        {failure && (
          <SectionMessage appearance={failure.text === NOT_SAVED_TEXT ? 'warning' : 'error'} title="Not published">
            <p>{failure.text}</p>
          </SectionMessage>
        )}
      </section>
      <ExternalSummaryPart
        editor={editor}
        target={target}
        onPublished={(answer, to) => publishState.recordPage('external', answer.page, to)}
      />
    </div>
  );
}
