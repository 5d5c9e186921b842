import type { ChatImportResult, TimelineView } from '../../src/contract';
import type { LoggedRequest } from '../../local/admin/request-log';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
// A site of its own for every test, with INC-1's review started and no chat imported yet (the file runs in random order).
beforeEach(async () => {
  site = await freshSite();
  await okAs(site, MAYA, 'review/start', { issueKey: 'INC-1' });
});
afterEach(() => site.close());

const MAYA = 'maya@example.com';
const LENA = 'lena@example.com';
const TOMAS_ID = '712020:9a2e6d34-tomas-herrera';

const timeline = () => okAs<TimelineView>(site, MAYA, 'timeline/get', { issueKey: 'INC-1' });
const requests = async () => ((await (await fetch(`${site.url}/__admin/requests`)).json()) as { requests: LoggedRequest[] }).requests;
const clearRequests = () => fetch(`${site.url}/__admin/requests`, { method: 'DELETE' });

const TRANSCRIPT = [
  { at: '2026-10-17T19:44:00+01:00', author: 'Sofia Lindqvist', text: 'Social media says the login page just spins.' },
  { at: '2026-10-17T20:05:00+01:00', author: 'Daniel Reyes', text: 'Stopped the export and restarted the web service.' },
  { at: '2026-10-17T20:09:00+01:00', author: 'tomas  HERRERA', text: 'Login 5xx back to near zero.' },
  { at: '2026-10-17T20:10:00+01:00', author: 'Priya from support', text: 'Customers confirm they can sign in.' },
];

describe('timeline/chat/import through the resolvers and the real Forge packages', () => {
  it('adds chat excerpts, links senders to Jira users by name, and writes only the review', async () => {
    const before = await timeline();
    await clearRequests();
    const r = await okAs<ChatImportResult>(site, MAYA, 'timeline/chat/import', {
      issueKey: 'INC-1',
      entries: TRANSCRIPT,
      version: before.version,
    });
    expect(r.added).toBe(4);
    expect(r.skipped).toBe(0);
    expect(r.version).toBe(before.version + 1);
    expect(r.changed).toHaveLength(4);
    expect(r.changed.every((e) => e.source === 'manual' && e.manualKind === 'chat-excerpt' && e.id.startsWith('manual:chat:'))).toBe(true);
    const tomas = r.changed.find((e) => e.actorName === 'tomas  HERRERA')!;
    expect(tomas.actor).toStrictEqual({ accountId: TOMAS_ID, displayName: 'Tomás Herrera' });
    expect(tomas.at).toBe('2026-10-17T19:09:00.000Z');
    expect(r.changed.find((e) => e.actorName === 'Priya from support')!.actor).toBeNull();
    expect(r.linked.map((l) => l.person.displayName).sort()).toStrictEqual(['Daniel Reyes', 'Sofia Lindqvist', 'Tomás Herrera']);
    // One versioned write of the review; no stored chunk of the pulled timeline read or written.
    const kvs = (await requests()).filter((q) => q.kind === 'kvs');
    const writes = kvs.filter((q) => (q.storage?.writeUnits ?? 0) > 0 && q.storage?.operation !== 'get');
    expect(writes.filter((q) => JSON.stringify(q.body ?? '').includes('pulled:'))).toEqual([]);
    expect(writes.filter((q) => q.storage?.operation === 'transaction')).toHaveLength(1);
  });

  it('adds nothing the second time, repeated messages in one import count once, and a no-op writes nothing', async () => {
    const started = await timeline();
    await okAs<ChatImportResult>(site, MAYA, 'timeline/chat/import', { issueKey: 'INC-1', entries: TRANSCRIPT, version: started.version });
    const before = await timeline();
    await clearRequests();
    const again = await okAs<ChatImportResult>(site, MAYA, 'timeline/chat/import', {
      issueKey: 'INC-1',
      entries: TRANSCRIPT,
      version: before.version,
    });
    expect([again.added, again.skipped, again.version]).toStrictEqual([0, 4, before.version]);
    expect((await requests()).filter((q) => q.storage?.operation === 'transaction')).toEqual([]);
    // The same instant written with another offset is the same message; a new one is added once.
    const fresh = { at: '2026-10-17T19:15:00Z', author: 'Maya Okafor', text: 'Writing the review tomorrow.' };
    const sameAsFirst = { ...TRANSCRIPT[0], at: '2026-10-17T18:44:00Z' };
    const mixed = await okAs<ChatImportResult>(site, MAYA, 'timeline/chat/import', {
      issueKey: 'INC-1',
      entries: [fresh, fresh, sameAsFirst],
      version: before.version,
    });
    expect([mixed.added, mixed.skipped]).toStrictEqual([1, 2]);
    const all = await okAs<{ entries: { manualKind?: string }[] }>(site, MAYA, 'timeline/entries', {
      issueKey: 'INC-1',
      version: mixed.version,
      from: null,
      to: null,
    });
    expect(all.entries.filter((e) => e.manualKind === 'chat-excerpt')).toHaveLength(5);
  });

  it('refuses malformed imports with field errors and writes nothing', async () => {
    const before = await timeline();
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ at: '2026-10-17T19:00:00Z', author: 'A', text: `m${i}` }));
    const tooBig = Array.from({ length: 20 }, () => ({ at: '2026-10-17T19:00:00Z', author: 'A', text: 'x'.repeat(9_000) }));
    const cases: unknown[] = [
      { issueKey: 'INC-1', version: before.version, entries: [] },
      { issueKey: 'INC-1', version: before.version, entries: tooMany },
      { issueKey: 'INC-1', version: before.version, entries: tooBig },
      { issueKey: 'INC-1', version: before.version, entries: [{ at: 'at 10:42', author: 'A', text: 'x' }] },
      { issueKey: 'INC-1', version: before.version, entries: [{ at: '2026-10-17T19:00:00Z', author: ' ', text: 'x' }] },
      { issueKey: 'INC-1', version: before.version, entries: [{ at: '2026-10-17T19:00:00Z', author: 'A', text: 'x'.repeat(10_001) }] },
      {
        issueKey: 'INC-1',
        version: before.version,
        entries: [{ at: '2026-10-17T19:00:00Z', author: 'A', text: 'x', id: 'manual:chat:forged' }],
      },
    ];
    for (const payload of cases) {
      const r = await callAs<unknown>(site, MAYA, 'timeline/chat/import', payload);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    expect((await timeline()).version).toBe(before.version);
  });

  it('answers CONFLICT to an import made on an older version', async () => {
    const before = await timeline();
    const r = await callAs<unknown>(site, MAYA, 'timeline/chat/import', {
      issueKey: 'INC-1',
      version: before.version - 1,
      entries: [{ at: '2026-10-17T19:00:00Z', author: 'A', text: 'late' }],
    });
    expect(r.ok === false && r.error.code).toBe('CONFLICT');
    expect((await timeline()).version).toBe(before.version);
  });

  it('gives a viewer who may not browse the incident NOT_FOUND, the same as an unknown key, and writes nothing', async () => {
    const before = await timeline();
    await clearRequests();
    const forbidden = await callAs<unknown>(site, LENA, 'timeline/chat/import', {
      issueKey: 'INC-1',
      version: before.version,
      entries: TRANSCRIPT.slice(0, 1),
    });
    const unknown = await callAs<unknown>(site, LENA, 'timeline/chat/import', {
      issueKey: 'INC-999',
      version: before.version,
      entries: TRANSCRIPT.slice(0, 1),
    });
    expect(forbidden).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(unknown).toStrictEqual(forbidden);
    const log = await requests();
    expect(
      log.filter((q) => (q.storage?.writeUnits ?? 0) > 0 && q.storage?.operation !== 'get' && q.storage?.operation !== 'batch/get'),
    ).toEqual([]);
    // No user search on her behalf before she was refused... and no name of INC-1 in the answer.
    expect(JSON.stringify(forbidden)).not.toMatch(/Login|Tomás|Sofia/);
    expect((await timeline()).version).toBe(before.version);
  });
});
