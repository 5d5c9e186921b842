/**
 * Contributing-factor categories (issue 17): a review stored before categories existed reads
 * with every factor as 'other' and its text kept; a category chosen on the Review tab is saved.
 */
import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { Result, ReviewDoc } from '../../src/contract';
import { runInInvocation } from '../../local/runner/forge-globals';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

const MAYA = 'maya@example.com';
const asApp = <T>(fn: () => Promise<T>) =>
  runInInvocation({ invocationId: randomUUID(), accountId: undefined, moduleKey: 'pir-rhythm-check', deadlineMs: Date.now() + 25_000 }, fn);

describe('contributing-factor categories', () => {
  it('reads factors stored without a category as "other", text kept', async () => {
    const fresh = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-3' });
    const saved = await okAs<ReviewDoc>(site, MAYA, 'review/save', {
      issueKey: 'INC-3',
      content: {
        ...fresh.content,
        contributingFactors: [{ id: 'f1', text: 'The scheduler was switched off by hand.', category: 'process' }],
      },
      actionItems: [],
      version: fresh.version,
    });
    // Rewrite the stored document as a version before categories would have left it.
    await asApp(async () => {
      const stored = await kvs.entity<{ doc: { content: { contributingFactors: unknown[] } } }>('review-doc').get('INC-3');
      stored!.doc.content.contributingFactors = [
        { id: 'f1', text: 'The scheduler was switched off by hand.' },
        { id: 'f2', text: 'Nobody owned the job list.', category: 'astrology' },
      ];
      await kvs.entity('review-doc').set('INC-3', stored);
    });
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-3' });
    expect(doc.version).toBe(saved.version);
    expect(doc.content.contributingFactors).toStrictEqual([
      { id: 'f1', text: 'The scheduler was switched off by hand.', category: 'other' },
      { id: 'f2', text: 'Nobody owned the job list.', category: 'other' },
    ]);
  });

  it('saves the chosen category and refuses one outside the taxonomy', async () => {
    const doc = await okAs<ReviewDoc>(site, MAYA, 'review/get', { issueKey: 'INC-4' });
    const factors = [{ id: 'f1', text: 'The uplink cable had no label.', category: 'hardware-network' }];
    const saved = await okAs<ReviewDoc>(site, MAYA, 'review/save', {
      issueKey: 'INC-4',
      content: { ...doc.content, contributingFactors: factors },
      actionItems: [],
      version: doc.version,
    });
    expect(saved.content.contributingFactors).toStrictEqual(factors);
    const bad = await callAs<ReviewDoc>(site, MAYA, 'review/save', {
      issueKey: 'INC-4',
      content: { ...doc.content, contributingFactors: [{ ...factors[0], category: 'blame' }] },
      actionItems: [],
      version: saved.version,
    });
    expect(bad).toMatchObject<Partial<Result<ReviewDoc>>>({ ok: false, error: expect.objectContaining({ code: 'VALIDATION' }) as never });
  });
});
