import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { Spinner } from '../components/Spinner';
import type { BlamelessFinding, ReviewDoc, TemplateSection } from '../../../../src/contract';
import { TemplateQuestionsSection } from './TemplateQuestionsSection';
import { useElementWidth } from '../hooks/useElementWidth';
import { usePublishState } from '../hooks/usePublishState';
import { useReviewDoc } from '../hooks/useReviewDoc';
import { PublishSection } from '../publish/PublishSection';
import { ActionItemsSection } from './ActionItemsSection';
import { ConflictBanner } from './ConflictBanner';
import { ContributingFactorsSection } from './ContributingFactorsSection';
import { EditorContext, type EditorContextValue } from './editor-context';
import { ExportMarkdown } from './ExportMarkdown';
import { FacilitatorGuide } from './FacilitatorGuide';
import { draftTextFields } from '../review-model/field-paths';
import { currentFindings } from '../review-model/finding-spans';
import { GoalsSection } from './GoalsSection';
import { LearningsSection } from './LearningsSection';
import { MeetingSection } from './MeetingSection';
import { RemediationSection } from './RemediationSection';
import { SaveBar } from './SaveBar';
import { WhatHappenedSection } from './WhatHappenedSection';

// Issue 17: related reviews load on their own, after the editor, so they never hold up the form.
const RelatedReviewsCard = lazy(() => import('../related/RelatedReviewsCard').then((m) => ({ default: m.RelatedReviewsCard })));

/** Beside the sections from this width on; stacked above them (collapsed) below it. */
const GUIDE_BESIDE_MIN_WIDTH = 760;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The review document: meeting, goals, what happened, learnings, factors, remediation, action items, publishing. */
export function ReviewEditorView({ initial }: { initial: ReviewDoc }) {
  const editor = useReviewDoc(initial);
  const publishState = usePublishState(initial.incidentKey);
  const [ref, width] = useElementWidth<HTMLDivElement>(1000);
  const wide = width >= GUIDE_BESIDE_MIN_WIDTH;

  const serverFindings = useMemo(() => new Map(editor.doc.findings.map((f) => [f.field, f.findings])), [editor.doc.findings]);
  const findingsFor = useCallback(
    (field: string) => editor.liveFindings.get(field) ?? serverFindings.get(field) ?? [],
    [editor.liveFindings, serverFindings],
  );
  const summary = useMemo(() => {
    const store = new Map<string, readonly BlamelessFinding[]>(serverFindings);
    for (const [field, list] of editor.liveFindings) store.set(field, list);
    return currentFindings(store, draftTextFields(editor.draft));
  }, [serverFindings, editor.liveFindings, editor.draft]);
  const context = useMemo<EditorContextValue>(() => ({ editor, findingsFor }), [editor, findingsFor]);

  // The review's template chooses its sections; without one (the built-in), every section shows.
  const sections = editor.draft.content.template?.sections;
  const shown = (section: TemplateSection) => !sections || sections.includes(section);

  const { save } = editor;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save]);

  return (
    <EditorContext.Provider value={context}>
      <div className="pir-doc" ref={ref} data-ready="review-doc">
        <SaveBar
          editor={editor}
          findings={summary}
          shortcut={isMac ? '⌘S' : 'Ctrl+S'}
          published={publishState.load.status === 'ready' ? publishState.load.state : null}
        />
        {editor.conflict && (
          <ConflictBanner
            conflict={editor.conflict}
            draft={editor.draft}
            saving={editor.saving}
            onSave={() => void editor.save()}
            onDismiss={editor.dismissConflict}
          />
        )}
        <div className={`pir-doc__layout${wide ? ' pir-doc__layout--wide' : ''}`}>
          <div className="pir-doc__guide">
            <FacilitatorGuide key={wide ? 'wide' : 'narrow'} draft={editor.draft} defaultOpen={wide} />
          </div>
          <div className="pir-doc__sections">
            <MeetingSection />
            <TemplateQuestionsSection />
            {shown('goals') && <GoalsSection />}
            {shown('description') && <WhatHappenedSection />}
            {shown('learnings') && <LearningsSection />}
            {shown('contributingFactors') && <ContributingFactorsSection />}
            {shown('remediation') && <RemediationSection />}
            {shown('actionItems') && <ActionItemsSection />}
            <Suspense fallback={<Spinner label="Looking for related reviews" size="small" />}>
              <RelatedReviewsCard issueKey={initial.incidentKey} />
            </Suspense>
            <PublishSection editor={editor} findings={summary} publishState={publishState} />
            <ExportMarkdown exportMarkdown={editor.exportMarkdown} />
          </div>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
