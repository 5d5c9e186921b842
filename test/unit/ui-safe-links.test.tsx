/**
 * The UI's links against the URL policy (docs/DECISIONS.md#what-must-hold), rendered to markup by React itself: a URL the
 * policy refuses is shown as text, never as an anchor the user could click. The components load
 * the real bridge module, so `__bridge` exists first, as the host injects it in the browser.
 */
import type { ReactElement } from 'react';
import type * as ReactDomServer from 'react-dom/server';
import type { TimelineEntry } from '../../src/contract';
import type * as EntryMetaModule from '../../static/app/src/timeline-tab/EntryMeta';
import type * as TopLinkModule from '../../static/app/src/components/TopLink';
import { TRICKS } from '../support/hostile-urls';

const bridgeCalls: string[] = [];
(globalThis as { __bridge?: unknown }).__bridge = {
  callBridge: (name: string) => {
    bridgeCalls.push(name);
    return Promise.resolve(undefined);
  },
};

let render: (element: ReactElement) => string;
let EntryMeta: typeof EntryMetaModule.EntryMeta;
let TopLink: typeof TopLinkModule.TopLink;

beforeAll(async () => {
  render = ((await import('react-dom/server')) as typeof ReactDomServer).renderToStaticMarkup;
  ({ EntryMeta } = await import('../../static/app/src/timeline-tab/EntryMeta'));
  ({ TopLink } = await import('../../static/app/src/components/TopLink'));
});

const remoteLink = (url: string): TimelineEntry => ({
  id: 'remote:10001',
  at: '2026-10-17T18:50:00.000Z',
  source: 'remote-link',
  issueKey: 'INC-1',
  relation: 'incident',
  actor: null,
  text: 'Remote link: Runbook',
  url,
  annotation: { moments: [], internal: false },
});

/** Every attribute value in the markup that the browser would navigate to. */
const targets = (markup: string) => [...markup.matchAll(/\s(?:href|src|action|formaction)="([^"]*)"/g)].map((m) => m[1]);

describe('a remote link in the timeline', () => {
  it('with an http(s) URL is an "Open" link to that URL', () => {
    const markup = render(<EntryMeta entry={remoteLink('https://wiki.example.com/runbooks/login')} />);
    expect(targets(markup)).toStrictEqual(['https://wiki.example.com/runbooks/login']);
    expect(markup).toMatch(/<a [^>]*class="pir-link pir-entry__open"/);
  });

  it('with JaVaScRiPt:alert(1) is plain text: no anchor, no button, no href', () => {
    const markup = render(<EntryMeta entry={remoteLink('JaVaScRiPt:alert(1)')} />);
    expect(markup).not.toMatch(/<a\b|<button\b/);
    expect(targets(markup)).toStrictEqual([]);
    expect(markup).toContain('JaVaScRiPt:alert(1)');
  });

  it.each(TRICKS.filter((t) => t.trim() !== '').map((t) => [JSON.stringify(t), t]))('with %s has no anchor', (_name, url) => {
    const markup = render(<EntryMeta entry={remoteLink(url)} />);
    expect(markup).not.toMatch(/<a\b|<button\b/);
    expect(targets(markup)).toStrictEqual([]);
  });
});

describe('TopLink', () => {
  it('renders its text without an anchor when the URL is not allowed', () => {
    const markup = render(
      <TopLink href={'java\tscript:alert(1)'} className="pir-link">
        INC-1
      </TopLink>,
    );
    expect(markup).not.toMatch(/<a\b/);
    expect(markup).toContain('INC-1');
  });

  it('links a site path and an http(s) URL, normalised', () => {
    expect(targets(render(<TopLink href="/browse/INC-1">INC-1</TopLink>))).toStrictEqual(['/browse/INC-1']);
    expect(targets(render(<TopLink href=" HTTPS://example.atlassian.net/browse/INC-1">INC-1</TopLink>))).toStrictEqual([
      'https://example.atlassian.net/browse/INC-1',
    ]);
  });

  it('renders without talking to the host', () => {
    expect(bridgeCalls).toStrictEqual([]);
  });
});
