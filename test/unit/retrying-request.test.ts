import { route } from '@forge/api';
import { AppFailure } from '../../src/domain/app-error';
import { createJiraRequest, requestJiraJson, type JiraResponse, type RequestJira } from '../../src/jira/jira-request';
import { defaultRetryClock, MAX_RETRIES, RESERVE_MS, retryDelayMs, sendWithRetry, type RetryClock } from '../../src/http/retrying-request';

/** A clock that only moves when slept on, with a fixed budget and scripted dice. */
function fakeClock(budgetMs = 20_000, dice: number[] = []) {
  let now = 0;
  const sleeps: number[] = [];
  const clock: RetryClock = {
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: () => dice.shift() ?? 0.5,
    budgetLeftMs: () => budgetMs - now,
  };
  return { clock, sleeps, elapsed: () => now };
}

const answer = (status: number, headers: Record<string, string> = {}, body: unknown = {}): JiraResponse => ({
  status,
  ok: status >= 200 && status < 300,
  headers: { get: (name) => headers[name.toLowerCase()] ?? null },
  json: () => Promise.resolve(body),
});

/** Answers the scripted statuses in turn (then 200), counting sends. */
function scripted(...script: (JiraResponse | 'throw')[]) {
  let sends = 0;
  const send = (): Promise<JiraResponse> => {
    sends++;
    const next = script.shift() ?? answer(200);
    return next === 'throw' ? Promise.reject(new TypeError('fetch failed')) : Promise.resolve(next);
  };
  return { send, sends: () => sends };
}

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds', () => {
    expect(retryDelayMs(0, '3', () => 0.9)).toBe(3000);
    expect(retryDelayMs(3, '0', () => 0.9)).toBe(0);
    expect(retryDelayMs(1, '1.5', () => 0.9)).toBe(1500);
  });

  it('otherwise draws full jitter below 1 s, 2 s, 4 s, 8 s, and never more than 8 s', () => {
    expect([0, 1, 2, 3, 4, 5].map((r) => retryDelayMs(r, null, () => 0.999999))).toStrictEqual([999, 1999, 3999, 7999, 7999, 7999]);
    expect([0, 1, 2, 3].map((r) => retryDelayMs(r, null, () => 0))).toStrictEqual([0, 0, 0, 0]);
    expect(retryDelayMs(2, null, () => 0.5)).toBe(2000);
  });

  it('ignores a Retry-After that is not a number of seconds (an HTTP date, garbage, negative)', () => {
    expect(retryDelayMs(1, 'Wed, 21 Oct 2026 07:28:00 GMT', () => 0.5)).toBe(1000);
    expect(retryDelayMs(1, 'soon', () => 0.5)).toBe(1000);
    expect(retryDelayMs(1, '-2', () => 0.5)).toBe(1000);
    expect(retryDelayMs(1, '', () => 0.5)).toBe(1000);
  });
});

describe('sendWithRetry', () => {
  it('waits what Retry-After says between attempts of an idempotent request', async () => {
    const { clock, sleeps } = fakeClock();
    const jira = scripted(answer(429, { 'retry-after': '2' }), answer(429, { 'retry-after': '1' }), answer(200));
    expect((await sendWithRetry(jira.send, true, clock)).status).toBe(200);
    expect(sleeps).toStrictEqual([2000, 1000]);
    expect(jira.sends()).toBe(3);
  });

  it('backs off with jitter on 503 (and 502, 504) without Retry-After', async () => {
    const { clock, sleeps } = fakeClock(20_000, [0.5, 0.5, 0.5]);
    const jira = scripted(answer(503), answer(502), answer(504), answer(200));
    expect((await sendWithRetry(jira.send, true, clock)).status).toBe(200);
    expect(sleeps).toStrictEqual([500, 1000, 2000]);
  });

  it(`gives up after ${MAX_RETRIES} retries and answers the last 429`, async () => {
    const { clock, sleeps } = fakeClock();
    const jira = scripted(...Array.from({ length: 10 }, () => answer(429, { 'retry-after': '1' })));
    const res = await sendWithRetry(jira.send, true, clock);
    expect(res.status).toBe(429);
    expect(jira.sends()).toBe(MAX_RETRIES + 1);
    expect(sleeps).toStrictEqual([1000, 1000, 1000, 1000]);
  });

  it('never waits past the budget: a Retry-After longer than what is left ends the retries at once', async () => {
    const { clock, sleeps, elapsed } = fakeClock(5_000);
    const jira = scripted(answer(429, { 'retry-after': '3' }), answer(429, { 'retry-after': '3' }), answer(200));
    const res = await sendWithRetry(jira.send, true, clock);
    expect(res.status).toBe(429);
    expect(sleeps).toStrictEqual([3000]);
    expect(elapsed()).toBeLessThanOrEqual(5_000);
    expect(jira.sends()).toBe(2);
  });

  it('sends a non-idempotent request exactly once, whatever it answers', async () => {
    const cases: [JiraResponse | 'throw', { status: number } | 'TypeError'][] = [
      [answer(429, { 'retry-after': '1' }), { status: 429 }],
      [answer(503), { status: 503 }],
      ['throw', 'TypeError'],
    ];
    for (const [first, expected] of cases) {
      const { clock, sleeps } = fakeClock();
      const jira = scripted(first, answer(201));
      const outcome = await sendWithRetry(jira.send, false, clock).catch((e: unknown) => e);
      if (expected === 'TypeError') {
        expect(outcome).toBeInstanceOf(TypeError);
        expect((outcome as TypeError).message).toBe('fetch failed');
      } else {
        expect(outcome).not.toBeInstanceOf(Error);
        expect((outcome as JiraResponse).status).toBe(expected.status);
      }
      expect(jira.sends()).toBe(1);
      expect(sleeps).toStrictEqual([]);
    }
  });

  it('retries a network failure of an idempotent request, and rethrows it when it persists', async () => {
    const { clock } = fakeClock(20_000, [0, 0, 0, 0, 0]);
    const recovered = scripted('throw', answer(200));
    expect((await sendWithRetry(recovered.send, true, clock)).status).toBe(200);
    const down = scripted('throw', 'throw', 'throw', 'throw', 'throw', 'throw');
    await expect(sendWithRetry(down.send, true, clock)).rejects.toThrow('fetch failed');
    expect(down.sends()).toBe(MAX_RETRIES + 1);
  });

  it('does not retry answers that will not change (400, 401, 404, 500)', async () => {
    for (const status of [400, 401, 404, 500]) {
      const { clock } = fakeClock();
      const jira = scripted(answer(status), answer(200));
      expect((await sendWithRetry(jira.send, true, clock)).status).toBe(status);
      expect(jira.sends()).toBe(1);
    }
  });
});

describe('defaultRetryClock', () => {
  it('allows 20 s from its creation when the invocation time is unknown', () => {
    let now = 1_000;
    const clock = defaultRetryClock({ now: () => now, remainingMs: () => undefined });
    expect(clock.budgetLeftMs()).toBe(20_000);
    now += 15_000;
    expect(clock.budgetLeftMs()).toBe(5_000);
  });

  it(`keeps ${RESERVE_MS / 1000} s of the invocation's remaining time free for the answer`, () => {
    const clock = defaultRetryClock({ now: () => 0, remainingMs: () => 9_000 });
    expect(clock.budgetLeftMs()).toBe(9_000 - RESERVE_MS);
  });
});

describe('createJiraRequest', () => {
  const calls: { path: string; method: string | undefined }[] = [];
  const failing =
    (status: number, headers: Record<string, string> = {}): RequestJira =>
    (path, init) => {
      calls.push({ path: path.value, method: init?.method });
      return Promise.resolve(answer(status, headers, { errorMessages: ['Rate limit exceeded.'] }));
    };
  beforeEach(() => calls.splice(0));

  it('retries GET, PUT and POSTs marked idempotent; sends other POSTs once', async () => {
    const cases = [
      { call: { path: route`/rest/api/3/issue/INC-1`, what: 'x' }, sends: MAX_RETRIES + 1 },
      { call: { path: route`/rest/api/3/issue/INC-2`, method: 'PUT' as const, body: {}, what: 'x' }, sends: MAX_RETRIES + 1 },
      { call: { path: route`/rest/api/3/search/jql`, body: {}, idempotent: true, what: 'x' }, sends: MAX_RETRIES + 1 },
      { call: { path: route`/rest/api/3/issue/bulk`, body: {}, what: 'x' }, sends: 1 },
    ];
    for (const { call, sends } of cases) {
      calls.splice(0);
      const reply = await createJiraRequest(failing(429, { 'retry-after': '0' }), fakeClock().clock)(call);
      expect(reply).toStrictEqual({ status: 429, body: { errorMessages: ['Rate limit exceeded.'] }, retryAfter: '0' });
      expect(calls).toHaveLength(sends);
    }
  });

  it('turns a 429 that outlived its retries into an UPSTREAM failure that says to try again later', async () => {
    const failure = await requestJiraJson(
      failing(429, { 'retry-after': '30' }),
      { path: route`/rest/api/3/myself`, what: 'reading your Jira profile' },
      fakeClock(10_000).clock,
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).toAppError()).toStrictEqual({
      code: 'UPSTREAM',
      message: 'Jira is limiting requests right now (while reading your Jira profile). Nothing was lost: try again in about 30 s.',
    });
    expect(calls).toHaveLength(1);
  });
});
