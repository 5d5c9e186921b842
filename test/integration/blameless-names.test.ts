import type { BlamelessFinding } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

const MAYA = 'maya@example.com';
const check = (text: string, names?: string[]) =>
  okAs<BlamelessFinding[]>(site, MAYA, 'review/check', { issueKey: 'INC-1', text, field: 'learning', ...(names && { names }) });
const people = (findings: BlamelessFinding[]) => findings.filter((f) => f.ruleId === 'person-as-subject').map((f) => f.excerpt);

describe('the live check knows the people typed in the form and found in Jira', () => {
  it('flags a name typed in the form but not saved yet', async () => {
    expect(people(await check('Greg broke the build.', ['Greg Lee']))).toStrictEqual(['Greg broke']);
    expect(people(await check('Greg broke the build.'))).toStrictEqual([]);
  });

  it('asks Jira whether an unknown capitalised subject is a person, accents aside', async () => {
    expect(people(await check('Aiko broke the cache config.'))).toStrictEqual(['Aiko broke']);
    expect(people(await check('Postgres broke the replication slot.'))).toStrictEqual([]);
  });

  it('recognises a person typed without the accent of their name', async () => {
    expect(people(await check('Tomas missed the second page.'))).toStrictEqual(['Tomas missed']);
  });

  it('flags a pronoun before a failure without any name', async () => {
    expect(people(await check('He forgot to renew the cert.'))).toStrictEqual(['He forgot']);
  });

  it('refuses names that are not a short list of short strings', async () => {
    const tooMany = await callAs(site, MAYA, 'review/check', {
      issueKey: 'INC-1',
      text: 'x',
      field: 'learning',
      names: Array.from({ length: 501 }, (_, i) => `N${i}`),
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const tooLong = await callAs(site, MAYA, 'review/check', { issueKey: 'INC-1', text: 'x', field: 'learning', names: ['x'.repeat(300)] });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers NOT_FOUND to someone who cannot browse the incident, names or not', async () => {
    const lena = await callAs(site, 'lena@example.com', 'review/check', {
      issueKey: 'INC-1',
      text: 'Aiko broke it.',
      field: 'learning',
      names: ['Aiko Tanaka'],
    });
    expect(lena).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
