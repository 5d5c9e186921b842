/**
 * The UI's bridge module against the real @forge/bridge, driven through the same
 * `globalThis.__bridge` the host injects (no module mocking).
 */
import type * as BridgeModule from '../../static/app/src/bridge';

type CallBridge = (name: string, payload?: unknown) => Promise<unknown>;

const calls: Array<{ name: string; payload: unknown }> = [];
let answer: CallBridge = async () => undefined;
(globalThis as { __bridge?: { callBridge: CallBridge } }).__bridge = {
  callBridge: (name, payload) => {
    calls.push({ name, payload });
    return answer(name, payload);
  },
};

let bridge: typeof BridgeModule;

beforeAll(async () => {
  // Loaded only now that __bridge exists, as in the browser.
  bridge = await import('../../static/app/src/bridge');
});

beforeEach(() => {
  calls.length = 0;
});

describe('invoke', () => {
  it('calls the resolver by key with the payload and returns the unwrapped data', async () => {
    answer = async () => ({ ok: true, data: { key: 'INC-1' } });
    await expect(bridge.invoke('incident/get', { issueKey: 'INC-1' })).resolves.toStrictEqual({ key: 'INC-1' });
    expect(calls).toStrictEqual([
      { name: 'invoke', payload: { functionKey: 'incident/get', payload: { issueKey: 'INC-1' }, metadata: undefined } },
    ]);
  });

  it('rejects with the AppError of a failed result', async () => {
    answer = async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such issue.' } });
    await expect(bridge.invoke('incident/get', { issueKey: 'INC-404' })).rejects.toMatchObject({
      name: 'AppRequestError',
      code: 'NOT_FOUND',
      message: 'No such issue.',
    });
  });

  it('rejects with UPSTREAM when the bridge itself fails', async () => {
    answer = async () => {
      throw new Error('Resolver timed out after 25 s');
    };
    await expect(bridge.invoke('incident/get', { issueKey: 'INC-1' })).rejects.toMatchObject({ code: 'UPSTREAM' });
  });
});

describe('getContext', () => {
  it('returns the parsed view context', async () => {
    answer = async () => ({
      moduleKey: 'pir-issue-panel',
      timezone: 'Asia/Tokyo',
      locale: 'ja-JP',
      extension: { type: 'jira:issuePanel', issue: { key: 'INC-2', id: '2', type: 'Incident' } },
    });
    await expect(bridge.getContext()).resolves.toMatchObject({
      moduleKey: 'pir-issue-panel',
      timezone: 'Asia/Tokyo',
      issue: { key: 'INC-2' },
    });
    expect(calls.map((c) => c.name)).toStrictEqual(['getContext']);
  });
});

describe('openInTopWindow', () => {
  it('asks the host to navigate to an http(s) URL, normalised', () => {
    expect(bridge.openInTopWindow(' https://Example.atlassian.net/browse/INC-1')).toBe(true);
    expect(calls).toStrictEqual([{ name: 'navigate', payload: { url: 'https://example.atlassian.net/browse/INC-1', type: 'same-tab' } }]);
  });

  it('refuses a URL the policy does not allow, and never reaches the host', () => {
    for (const url of [
      'JaVaScRiPt:alert(1)',
      ' \u0000\tjavascript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.test/',
      'mailto:a@example.com',
    ]) {
      expect(bridge.openInTopWindow(url)).toBe(false);
    }
    expect(calls).toStrictEqual([]);
  });
});
