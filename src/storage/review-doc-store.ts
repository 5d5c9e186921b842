import { kvs } from '@forge/kvs';
import type { ActionItemInput, ActionItemJira, MeetingNotice, Person, ReviewContent, ReviewStatus } from '../contract';
import type { SyncedBase } from '../domain/action-items';
import { withFactorCategories } from '../domain/factor-taxonomy';
import { saveVersioned } from './versioned-entity';

/** What the app remembers about an item's sub-task: its key and what was last written to it. */
export interface ItemSync {
  key: string;
  fingerprint: string;
  syncedAt: string;
  /**
   * The synced fields last agreed with the sub-task (what the app last wrote or last read back),
   * the base of the three-way merge. Absent in reviews stored before it was kept: see baseOf.
   */
  base?: SyncedBase;
  /** A hash of the description last written (descriptionKey). */
  description?: string;
}

/** The review document as stored; findings, live Jira status and overdue flags are derived on read. */
export interface StoredReviewDoc {
  incidentKey: string;
  version: number;
  updatedAt: number;
  doc: {
    status: ReviewStatus;
    content: ReviewContent;
    actionItems: ActionItemInput[];
    sync: Record<string, ItemSync>;
    syncErrors: Record<string, string>;
    /** The sub-tasks' Jira state as last read (by a sync), shown until the next open reads it afresh. */
    live?: Record<string, ActionItemJira>;
    /** The meeting notice: claimed ('sending') before the Jira comment is posted, so it is posted once. */
    notice?: StoredMeetingNotice;
  };
}

/** A claim on posting the notice, or the notice as posted (src/use-cases/meeting-notice.ts). */
export type StoredMeetingNotice =
  | {
      state: 'sending';
      meetingKey: string;
      claimedAt: number;
      /** Who claimed it (absent in claims made before it was kept): whose comment to look for if the claim goes stale. */
      claimedBy?: Person;
      previous: Omit<MeetingNotice, 'current'> | null;
    }
  | ({ state: 'sent' } & Omit<MeetingNotice, 'current'>);

export interface ReviewDocStore {
  load(incidentKey: string): Promise<StoredReviewDoc | null>;
  /** Throws ConflictError (and writes nothing) when the stored version is not `expectedVersion`. */
  save(doc: StoredReviewDoc, expectedVersion: number | null): Promise<void>;
}

const ENTITY = 'review-doc';

/**
 * A review saved before a field existed reads with that field's default, so every reader (the
 * panel, publishing, the macro, the job) sees the whole ReviewContent.
 */
function withDefaults(stored: StoredReviewDoc): StoredReviewDoc {
  const content: Partial<ReviewContent> = stored.doc.content;
  // Factors saved before issue 17 have no category: they read as 'other' (the next save stores it).
  const contributingFactors = withFactorCategories(content.contributingFactors ?? []);
  const externalSummary = content.externalSummary ?? { proximateCause: '', resolution: '' };
  return { ...stored, doc: { ...stored.doc, content: { ...stored.doc.content, externalSummary, contributingFactors } } };
}

export function createKvsReviewDocStore(): ReviewDocStore {
  return {
    async load(incidentKey) {
      const stored = await kvs.entity<StoredReviewDoc>(ENTITY).get(incidentKey);
      return stored ? withDefaults(stored) : null;
    },
    save: (doc, expectedVersion) => saveVersioned(ENTITY, doc.incidentKey, doc, expectedVersion),
  };
}
