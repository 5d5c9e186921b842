/**
 * A failed index write never fails the save and never goes unrecorded: the indexer leaves a dirty
 * mark (title and priority's severity as the save saw them) for the scheduled job's repair; a
 * write that lands leaves none. The orphan sweep never deletes the committed generation.
 */
import type { IncidentOverview, ReviewDoc, SummaryRow } from '../../src/contract';
import type { DirtyMark } from '../../src/storage/summary-store';
import { createSummaryIndexer } from '../../src/use-cases/summary-indexer';
import { doomedGenerations } from '../../src/use-cases/orphan-sweep';
import type { PendingPull } from '../../src/storage/timeline-store';

const doc = {
  incidentKey: 'INC-9',
  version: 2,
  status: 'draft',
  content: { customerImpact: { affected: true }, tags: ['db'] },
  actionItems: [],
} as unknown as ReviewDoc;
const incident = { summary: 'Database failover stalled', severity: { level: 2 } } as Pick<IncidentOverview, 'summary' | 'severity'>;

function indexerWith(upsert: (key: string, next: (prev: SummaryRow | null) => SummaryRow | null) => Promise<void>) {
  const marks: DirtyMark[] = [];
  const indexer = createSummaryIndexer(
    { upsert, readFlags: async () => [], writeFlags: async () => undefined, markDirty: async (m) => void marks.push(m) },
    () => new Date('2026-10-05T12:00:00Z'),
  );
  return { indexer, marks };
}

describe('dirty marks', () => {
  it('a write that fails leaves one mark with what the save saw, and the save does not fail', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { indexer, marks } = indexerWith(() => Promise.reject(new Error('shard busy')));
    await expect(indexer.docChanged(doc, incident)).resolves.toBeUndefined();
    expect(marks).toEqual([
      { incidentKey: 'INC-9', title: 'Database failover stalled', severityLevel: 2, markedAt: Date.parse('2026-10-05T12:00:00Z') },
    ]);
  });

  it('a write that lands leaves no mark', async () => {
    const rows: (SummaryRow | null)[] = [];
    const { indexer, marks } = indexerWith(async (_key, next) => void rows.push(next(null)));
    await indexer.docChanged(doc, incident);
    expect(rows[0]).toMatchObject({ incidentKey: 'INC-9', tags: ['db'], customerImpact: true });
    expect(marks).toEqual([]);
  });
});

describe('generations a dead pull leaves', () => {
  const pending: PendingPull = {
    incidentKey: 'INC-6',
    generation: 'new',
    chunks: 30,
    replacing: { generation: 'old', chunks: 29 },
    startedAt: 0,
  };

  it('never was committed: its own generation goes, the committed one it was to replace stays', () => {
    expect(doomedGenerations(pending, 'old')).toEqual([{ generation: 'new', chunks: 30 }]);
  });

  it('was committed but died before deleting the old one: only the old one goes', () => {
    expect(doomedGenerations(pending, 'new')).toEqual([{ generation: 'old', chunks: 29 }]);
  });

  it('both superseded by a later pull: both go; a first pull has nothing to replace', () => {
    expect(doomedGenerations(pending, 'later')).toEqual([
      { generation: 'new', chunks: 30 },
      { generation: 'old', chunks: 29 },
    ]);
    expect(doomedGenerations({ ...pending, replacing: null }, 'new')).toEqual([]);
  });
});
