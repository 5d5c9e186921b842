import { useCallback, useMemo, useRef, useState } from 'react';
import type { ActionSyncResult, BlamelessFinding, ReviewDoc, ReviewStatus } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { useAppContext } from './useAppContext';
import { fromDraft, toDraft, type ReviewDraft } from '../review-model/draft';
import { isDirty, mergeDrafts } from '../review-model/dirty';
import { mapValidationFields, pathWithin, type FieldPath } from '../review-model/field-paths';

export interface SaveConflict {
  message: string;
  /** Fields both you and someone else changed (your text was kept). */
  clashes: string[];
}

export interface ReviewEditor {
  doc: ReviewDoc;
  draft: ReviewDraft;
  dirty: boolean;
  saving: boolean;
  /** Messages of the last save by field path; cleared as the field is edited. */
  fieldErrors: Readonly<Record<FieldPath, string>>;
  /** The last save's failure when it is not about one field. */
  saveError: string | null;
  conflict: SaveConflict | null;
  dismissConflict: () => void;
  /** Changes the draft; `field` clears that field's (and its children's) save errors. */
  edit: (update: (draft: ReviewDraft) => ReviewDraft, field?: FieldPath) => void;
  /** Saves the draft; resolves whether it was saved (the reason is in saveError / fieldErrors / conflict). */
  save: () => Promise<boolean>;
  /** Moves the review's status; rejects with the AppRequestError. */
  setStatus: (status: ReviewStatus) => Promise<void>;
  /** Saves first when needed, then creates/updates the sub-tasks; null when the save failed. */
  sync: () => Promise<ActionSyncResult | null>;
  exportMarkdown: () => Promise<{ filename: string; markdown: string } | null>;
  /**
   * Saves first when needed, then runs a versioned write that answers with the review (publishing);
   * its doc is adopted. Null when the save failed. On CONFLICT the latest review is loaded (no
   * save banner: nothing of the form was lost) and the AppRequestError is rethrown.
   */
  writeWithDoc: <T extends { doc: ReviewDoc }>(perform: (version: number) => Promise<T>) => Promise<T | null>;
  /** Live blameless findings by field, newer than the doc's when the text was checked since. */
  liveFindings: ReadonlyMap<FieldPath, readonly BlamelessFinding[]>;
  reportFindings: (field: FieldPath, findings: readonly BlamelessFinding[]) => void;
}

/**
 * The review document being edited: a draft over the last saved doc, versioned writes in
 * sequence, and no lost typing. When a save answers, or a conflict reloads the review, the user's
 * changes since the last saved state are merged onto the new doc (mergeDrafts).
 */
export function useReviewDoc(initial: ReviewDoc): ReviewEditor {
  const { timezone: timeZone } = useAppContext();
  const [doc, setDoc] = useState(initial);
  const [baseline, setBaseline] = useState(() => toDraft(initial));
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<FieldPath, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [liveFindings, setLiveFindings] = useState<ReadonlyMap<FieldPath, readonly BlamelessFinding[]>>(new Map());
  const docRef = useRef(doc);
  const baselineRef = useRef(baseline);
  const draftRef = useRef(draft);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // After a conflict the merged form is saved even if it happens to equal the reloaded text.
  const conflictPending = useRef(false);
  const issueKey = initial.incidentKey;

  const setDraftNow = useCallback((next: ReviewDraft) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  /** Takes a newer doc; what the user changed since `base` stays in the form. */
  const adopt = useCallback(
    (next: ReviewDoc, base: ReviewDraft): string[] => {
      const theirs = toDraft(next);
      const merged = mergeDrafts(base, draftRef.current, theirs);
      docRef.current = next;
      baselineRef.current = theirs;
      setDoc(next);
      setBaseline(theirs);
      setDraftNow(merged.value);
      return merged.clashes;
    },
    [setDraftNow],
  );

  const enqueue = useCallback(<T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.current.then(run, run);
    queue.current = result.catch(() => undefined);
    return result;
  }, []);

  const reloadAfterConflict = useCallback(
    async (message: string) => {
      const base = baselineRef.current;
      try {
        const theirs = await invoke('review/get', { issueKey });
        setConflict({ message, clashes: adopt(theirs, base) });
      } catch {
        setConflict({ message: `${message} We could not load the latest version just now; save again to retry.`, clashes: [] });
      }
    },
    [adopt, issueKey],
  );

  const edit = useCallback(
    (update: (draft: ReviewDraft) => ReviewDraft, field?: FieldPath) => {
      setDraftNow(update(draftRef.current));
      if (field) {
        setFieldErrors((errors) => {
          const stale = Object.keys(errors).filter((path) => pathWithin(path, field));
          if (stale.length === 0) return errors;
          const next = { ...errors };
          for (const path of stale) delete next[path];
          return next;
        });
      }
    },
    [setDraftNow],
  );

  const save = useCallback(
    () =>
      enqueue(async () => {
        const sent = draftRef.current;
        if (!isDirty(baselineRef.current, sent) && !conflictPending.current) return true;
        setSaving(true);
        setSaveError(null);
        try {
          const next = await invoke('review/save', { issueKey, ...fromDraft(sent), version: docRef.current.version });
          adopt(next, sent);
          conflictPending.current = false;
          setFieldErrors({});
          setConflict(null);
          return true;
        } catch (error) {
          const failure = toAppRequestError(error);
          if (failure.code === 'CONFLICT') {
            conflictPending.current = true;
            await reloadAfterConflict(failure.message);
          } else if (failure.code === 'VALIDATION' && failure.fields) {
            setFieldErrors(mapValidationFields(failure.fields, sent));
            setSaveError(`Not saved: ${failure.message} Check the highlighted fields.`);
          } else {
            setSaveError(`Not saved: ${failure.message}`);
          }
          return false;
        } finally {
          setSaving(false);
        }
      }),
    [adopt, enqueue, issueKey, reloadAfterConflict],
  );

  const setStatus = useCallback(
    (status: ReviewStatus) =>
      enqueue(async () => {
        try {
          adopt(await invoke('review/status', { issueKey, status, version: docRef.current.version }), baselineRef.current);
        } catch (error) {
          const failure = toAppRequestError(error);
          if (failure.code === 'CONFLICT') await reloadAfterConflict(failure.message);
          throw failure;
        }
      }),
    [adopt, enqueue, issueKey, reloadAfterConflict],
  );

  const sync = useCallback(async () => {
    if (!(await save())) return null;
    return enqueue(async () => {
      const result = await invoke('actions/sync', { issueKey });
      adopt(result.doc, baselineRef.current);
      return result;
    });
  }, [adopt, enqueue, issueKey, save]);

  const exportMarkdown = useCallback(async () => {
    if (!(await save())) return null;
    return enqueue(() => invoke('review/export/markdown', { issueKey, timeZone }));
  }, [enqueue, issueKey, save, timeZone]);

  const writeWithDoc = useCallback(
    async <T extends { doc: ReviewDoc }>(perform: (version: number) => Promise<T>): Promise<T | null> => {
      if (!(await save())) return null;
      return enqueue(async () => {
        try {
          const result = await perform(docRef.current.version);
          adopt(result.doc, baselineRef.current);
          return result;
        } catch (error) {
          const failure = toAppRequestError(error);
          if (failure.code === 'CONFLICT') {
            try {
              adopt(await invoke('review/get', { issueKey }), baselineRef.current);
            } catch {
              // The caller says the write was not applied; the next attempt meets the conflict again.
            }
          }
          throw failure;
        }
      });
    },
    [adopt, enqueue, issueKey, save],
  );

  const reportFindings = useCallback((field: FieldPath, findings: readonly BlamelessFinding[]) => {
    setLiveFindings((map) => new Map(map).set(field, findings));
  }, []);

  const dirty = useMemo(() => isDirty(baseline, draft), [baseline, draft]);
  const dismissConflict = useCallback(() => setConflict(null), []);

  return {
    doc,
    draft,
    dirty,
    saving,
    fieldErrors,
    saveError,
    conflict,
    dismissConflict,
    edit,
    save,
    setStatus,
    sync,
    exportMarkdown,
    writeWithDoc,
    liveFindings,
    reportFindings,
  };
}
