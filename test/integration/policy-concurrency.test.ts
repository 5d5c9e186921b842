/**
 * Issue 17 leftover: two administrators editing the countermeasure policy at once. Both read the
 * same version; the first save wins, the second is refused with CONFLICT and writes nothing, so
 * neither change is silently lost (the second admin is told and the policy is reloaded).
 * Only Maya administers the seeded site: the two admins are two of her open pages.
 */
import type { PolicyView, Result } from '../../src/contract';
import type { RunningSite } from '../../local/site';
import { callAs, freshSite, okAs } from '../support/site';

let site: RunningSite;
const MAYA = 'maya@example.com';
const GLOBAL = 'pir-after-action-summaries';
const days = (sev1: number) => ({ 1: sev1, 2: 30, 3: 60, 4: 90, 5: null });

// A site per test: a saved policy would leak into the next test (they run in random order).
beforeEach(async () => {
  site = await freshSite();
}, 120_000);
afterEach(() => site.close());

it('answers a version with the policy, 0 while the site uses the defaults', async () => {
  const view = await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL);
  expect(view.version).toBe(0);
  expect(view.policy.updatedAt).toBeNull();
});

it('refuses the second of two saves made from the same version, and keeps the first', async () => {
  const before = await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL);
  const first = await okAs<PolicyView>(site, MAYA, 'policy/set', { dueDays: days(7), expectedVersion: before.version }, GLOBAL);
  expect(first.version).toBe(before.version + 1);
  const second = await callAs<PolicyView>(site, MAYA, 'policy/set', { dueDays: days(21), expectedVersion: before.version }, GLOBAL);
  expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const after = await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL);
  expect(after.policy.dueDays[1]).toBe(7);
  expect(after.version).toBe(first.version);
  // Saved again from the version just read, it goes through.
  const third = await okAs<PolicyView>(site, MAYA, 'policy/set', { dueDays: days(21), expectedVersion: after.version }, GLOBAL);
  expect(third.version).toBe(after.version + 1);
  expect((await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL)).policy.dueDays[1]).toBe(21);
});

it('lets exactly one of two simultaneous saves win', async () => {
  const { version } = await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL);
  const answers: Result<PolicyView>[] = await Promise.all(
    [3, 5].map((d) => callAs<PolicyView>(site, MAYA, 'policy/set', { dueDays: days(d), expectedVersion: version }, GLOBAL)),
  );
  const won = answers.filter((a) => a.ok);
  expect(won).toHaveLength(1);
  expect(answers.filter((a) => !a.ok && a.error.code === 'CONFLICT')).toHaveLength(1);
  const stored = await okAs<PolicyView>(site, MAYA, 'policy/get', {}, GLOBAL);
  expect(won[0].ok && stored.policy.dueDays[1]).toBe(won[0].ok ? won[0].data.policy.dueDays[1] : null);
  expect(stored.version).toBe(version + 1);
});

it('refuses a save without the version it was edited from', async () => {
  const r = await callAs(site, MAYA, 'policy/set', { dueDays: days(9) }, GLOBAL);
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});
