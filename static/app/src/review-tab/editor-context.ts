import { createContext, useContext } from 'react';
import type { BlamelessFinding } from '../../../../src/contract';
import type { ReviewEditor } from '../hooks/useReviewDoc';
import type { FieldPath } from '../review-model/field-paths';

export interface EditorContextValue {
  editor: ReviewEditor;
  /** The freshest findings known for a field (live check, else the saved review's), unfiltered. */
  findingsFor: (field: FieldPath) => readonly BlamelessFinding[];
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/** The review being edited, for the fields deep in the form. */
export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor must be used inside <EditorContext.Provider>');
  return value;
}
