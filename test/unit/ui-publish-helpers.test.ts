import type { ExternalSummary } from '../../src/contract';
import {
  browseInto,
  browseTo,
  chosenText,
  findingsQuestion,
  listedParent,
  outcomeText,
  previewSections,
  rootPath,
  spaceFromTarget,
  targetFieldError,
  targetOf,
} from '../../static/app/src/publish/publish-helpers';
import { publishFailureText } from '../../static/app/src/publish/publish-errors';
import { AppRequestError } from '../../static/app/src/app-error';
import { toDraft } from '../../static/app/src/review-model/draft';
import { mapValidationFields } from '../../static/app/src/review-model/field-paths';

const page = (version: number) => ({
  pageId: '98311',
  url: 'https://x/wiki/p/98311',
  title: 'INC-1: Login outage',
  version,
  publishedAt: '2030-01-01T00:00:00Z',
});

describe('publish outcome and confirmation wording', () => {
  it('says "Created" for a new page and names the version after an update', () => {
    expect(outcomeText({ outcome: 'created', page: page(1) })).toBe('Created');
    expect(outcomeText({ outcome: 'updated', page: page(3) })).toBe('Updated to version 3');
  });

  it('counts the open wording suggestions in the confirmation question, singular and plural', () => {
    expect(findingsQuestion(1)).toBe('1 wording suggestion is still open in this review. Publish it to Confluence anyway?');
    expect(findingsQuestion(4)).toMatch(/^4 wording suggestions are still open/);
  });
});

describe('parent page browsing', () => {
  const space = { id: 's1', key: 'IR', name: 'Incident Reviews' };

  it('starts at the space root, which lists root pages', () => {
    const path = rootPath(space);
    expect(path).toStrictEqual([{ id: null, title: 'Incident Reviews' }]);
    expect(listedParent(path)).toBeNull();
  });

  it('goes into a page to list its children and back up the trail', () => {
    const inReviews = browseInto(rootPath(space), { id: 'p1', title: 'Post-incident reviews' });
    const in2026 = browseInto(inReviews, { id: 'p2', title: '2026' });
    expect(listedParent(in2026)).toBe('p2');
    expect(browseTo(in2026, 1)).toStrictEqual(inReviews);
    expect(listedParent(browseTo(in2026, 0))).toBeNull();
  });

  it('cuts the trail back instead of repeating a page already on it, and ignores out-of-range crumbs', () => {
    const path = browseInto(browseInto(rootPath(space), { id: 'p1', title: 'A' }), { id: 'p2', title: 'B' });
    expect(browseInto(path, { id: 'p1', title: 'A' })).toStrictEqual(path.slice(0, 2));
    expect(browseTo(path, 7)).toBe(path);
    expect(browseTo(path, -1)).toBe(path);
  });

  it('builds the target from the space and the chosen parent (null publishes at the root)', () => {
    expect(targetOf(space, null)).toStrictEqual({ spaceId: 's1', spaceKey: 'IR', parentId: null });
    expect(targetOf(space, 'p2')).toStrictEqual({ spaceId: 's1', spaceKey: 'IR', parentId: 'p2' });
  });

  it('shows a remembered target by its key until the space search names it', () => {
    expect(spaceFromTarget({ spaceId: 's1', spaceKey: 'IR', parentId: 'p1' })).toStrictEqual({ id: 's1', key: 'IR', name: 'IR' });
  });
});

describe('external summary preview', () => {
  const summary: ExternalSummary = {
    title: 'Incident summary: Login outage',
    summary: 'Sign-in failed.',
    servicesImpacted: ['Login'],
    duration: '16 min',
    severity: 'Sev2',
    customerImpact: 'All users could not sign in.',
    proximateCause: 'A scheduler was switched off.',
    resolution: 'Rolled back.',
    countermeasures: [],
  };

  it('lists every public section in publishing order, lists as lists, and never the title as a section', () => {
    const sections = previewSections(summary);
    expect(sections.map((s) => s.heading)).toStrictEqual([
      'Summary',
      'Services impacted',
      'Duration',
      'Severity',
      'Customer impact',
      'Proximate cause',
      'Resolution',
      'Countermeasures',
    ]);
    expect(sections[1]).toStrictEqual({ id: 'servicesImpacted', heading: 'Services impacted', text: null, items: ['Login'] });
    expect(sections[7]?.items).toStrictEqual([]);
    expect(sections[5]).toStrictEqual({
      id: 'proximateCause',
      heading: 'Proximate cause',
      text: 'A scheduler was switched off.',
      items: null,
    });
  });
});

describe('publish errors', () => {
  it("puts a save's VALIDATION message on the external summary input it is about", () => {
    const sent = toDraft({
      content: {
        meeting: { title: 'INC-1', meetingDate: null, contact: null, createdBy: null, facilitator: null, participants: [] },
        goals: { knowSooner: '', recoverSooner: '' },
        description: '',
        customerImpact: { affected: null, text: '' },
        incidentCommander: null,
        servicesImpacted: [],
        learnings: { learned: '', wentWell: '', surprised: '' },
        contributingFactors: [],
        remediation: '',
        tags: [],
        externalSummary: { proximateCause: 'x'.repeat(5_001), resolution: '' },
      },
      actionItems: [],
    });
    expect(
      mapValidationFields(
        { 'content.externalSummary.proximateCause': 'Too long.', 'content.externalSummary.resolution': 'Too long too.' },
        sent,
      ),
    ).toStrictEqual({
      'externalSummary.proximateCause': 'Too long.',
      'externalSummary.resolution': 'Too long too.',
    });
  });

  it('collects target messages for the space picker and leaves others out', () => {
    expect(targetFieldError({ 'target.spaceId': 'Unknown space.', 'target.parentId': 'Not in that space.', version: 'Stale.' })).toBe(
      'Unknown space. Not in that space.',
    );
    expect(targetFieldError({ proximateCause: 'Too long.' })).toBeNull();
  });

  it('says a conflict reloaded the review and asks to publish again', () => {
    const text = publishFailureText(new AppRequestError({ code: 'CONFLICT', message: 'Version 3 is not the latest.' }), 'report');
    expect(text).toMatch(/the report was not published/);
    expect(text).toMatch(/latest version is loaded/);
  });

  it("passes other failures through in the backend's words", () => {
    expect(publishFailureText(new AppRequestError({ code: 'FORBIDDEN', message: 'You cannot add pages to this space.' }), 'report')).toBe(
      'You cannot add pages to this space.',
    );
  });
});

describe('the sentence under the parent page picker', () => {
  const space = { name: 'Incident Reviews' };
  it('names the remembered page and its space, not "the page chosen last time"', () => {
    expect(chosenText({ id: '42', title: 'Postmortems 2026' }, space)).toBe('Publishes under “Postmortems 2026” in Incident Reviews.');
    expect(chosenText({ id: null, title: null }, space)).toBe('Publishes at the root of Incident Reviews.');
  });

  it('says why a remembered page has no name and what to do', () => {
    expect(chosenText({ id: '42', title: null }, space)).toMatch(
      /cannot see or which no longer exists: choose a page or the space root\.$/,
    );
  });
});
