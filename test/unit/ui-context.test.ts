import { parseContext } from '../../static/app/src/context';

const defaults = { timezone: 'UTC', locale: 'en-US' };

describe('parseContext', () => {
  it('reads the issue of a Jira issue panel', () => {
    const context = parseContext(
      {
        moduleKey: 'pir-issue-panel',
        accountId: 'acc-1',
        timezone: 'Europe/Berlin',
        locale: 'en_GB',
        siteUrl: 'https://example.atlassian.net',
        extension: {
          type: 'jira:issuePanel',
          issue: { key: 'INC-1', id: '10001', type: 'Incident' },
          project: { key: 'INC', id: '1', type: 'software' },
        },
      },
      defaults,
    );
    expect(context).toStrictEqual({
      moduleKey: 'pir-issue-panel',
      accountId: 'acc-1',
      timezone: 'Europe/Berlin',
      locale: 'en-GB',
      siteUrl: 'https://example.atlassian.net',
      issue: { key: 'INC-1', id: '10001', type: 'Incident' },
      macro: null,
    });
  });

  it('reads a macro configuration and normalises the issue key', () => {
    const context = parseContext(
      {
        moduleKey: 'pir-review-macro',
        extension: { type: 'macro', config: { issueKey: ' inc-7 ', view: 'timeline' }, content: { id: '98305' }, space: { key: 'OPS' } },
      },
      defaults,
    );
    expect(context.macro).toStrictEqual({ issueKey: 'INC-7', view: 'timeline', contentId: '98305', spaceKey: 'OPS' });
    expect(context.issue).toBeNull();
  });

  it('gives an unconfigured macro no issue key', () => {
    const context = parseContext(
      { moduleKey: 'pir-review-macro', extension: { type: 'macro', content: { id: '1' }, space: { key: 'OPS' } } },
      defaults,
    );
    expect(context.macro?.issueKey).toBeNull();
  });

  it('falls back to the defaults for a missing or invalid time zone and locale', () => {
    const context = parseContext(
      { moduleKey: 'pir-after-action-summaries', timezone: 'Mars/Olympus', locale: '', extension: { type: 'jira:globalPage' } },
      defaults,
    );
    expect(context.timezone).toBe('UTC');
    expect(context.locale).toBe('en-US');
  });

  it('survives a context that is not an object', () => {
    expect(parseContext(undefined, defaults)).toMatchObject({ moduleKey: '', issue: null, macro: null, accountId: null });
  });
});
