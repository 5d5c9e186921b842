import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { EntryPage, Result, TimelineView } from '../../src/contract';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { invokeAs } from '../support/site';
import { chooseOption } from '../support/atlaskit';

const e2e = siteAndBrowserPerFile();
const MAYA = 'maya@example.com';
/** The demo's Slack conversation of INC-1, with the line a copy from Slack often starts with. */
const TRANSCRIPT = `copied from #inc-login-outage\n${readFileSync(join(__dirname, '..', 'fixtures', 'chat', 'inc-1-slack.txt'), 'utf8')}`;

beforeAll(async () => {
  const res = await fetch(`${e2e.site.url}/__admin/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo-reviews' }),
  });
  expect(res.status).toBe(200);
}, 120_000);

async function openPanel(page: Page, key: string): Promise<FrameLocator> {
  await signInAs(page, e2e.site, MAYA, `/browse/${key}`);
  const panel = page.frameLocator('iframe[title="Post-incident review"]');
  await panel.locator('li.pir-entry').first().waitFor({ timeout: 30_000 });
  return panel;
}

async function storedChatExcerpts(key: string): Promise<{ actorName?: string; actor: { displayName: string } | null }[]> {
  const view = (await invokeAs<Result<TimelineView>>(e2e.site, MAYA, 'timeline/get', { issueKey: key })).result;
  if (!view.ok) throw new Error(view.error.message);
  const page = (
    await invokeAs<Result<EntryPage>>(e2e.site, MAYA, 'timeline/entries', {
      issueKey: key,
      version: view.data.version,
      from: null,
      to: null,
    })
  ).result;
  if (!page.ok) throw new Error(page.error.message);
  return page.data.entries.filter((e) => e.manualKind === 'chat-excerpt');
}

async function pasteTranscript(panel: FrameLocator): Promise<FrameLocator> {
  await panel.getByRole('button', { name: 'Import chat' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Import chat' });
  await dialog.getByLabel('Transcript').fill(TRANSCRIPT);
  await chooseOption(dialog, 'Times in the transcript are in', 'Europe/London');
  return panel;
}

describe('importing a chat transcript and drafting what happened, in Chromium', () => {
  it('pastes a Slack conversation, previews it with the unreadable line, deselects one, imports, and a re-import adds nothing', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    let panel = await pasteTranscript(await openPanel(page, 'INC-1'));
    let dialog = panel.getByRole('dialog', { name: 'Import chat' });
    expect(await dialog.getByText('Read as: Slack (copied text)').isVisible()).toBe(true);
    expect(await dialog.getByRole('group', { name: 'Lines that could not be read' }).innerText()).toContain(
      'Line 1: No name and time above this line',
    );
    expect(await dialog.locator('tbody tr').count()).toBe(9);
    await dialog.getByRole('checkbox', { name: /from Tomas Herrera/ }).uncheck();
    await dialog.getByRole('button', { name: 'Add 8 messages' }).click();
    await dialog.getByText('Added 8 chat excerpts').waitFor({ timeout: 20_000 });
    expect(await dialog.innerText()).toMatch(/Linked to Jira users: .*Maya Okafor/);
    let stored = await storedChatExcerpts('INC-1');
    expect(stored).toHaveLength(8);
    expect(stored.find((e) => e.actorName === 'Daniel Reyes')!.actor?.displayName).toBe('Daniel Reyes');

    // Again after a reload: the eight are marked as already there; only the one left out is added.
    await page.reload();
    panel = await pasteTranscript(await openPanel(page, 'INC-1'));
    dialog = panel.getByRole('dialog', { name: 'Import chat' });
    expect(await dialog.getByText('(already on the timeline)').count()).toBe(8);
    await dialog.getByRole('button', { name: 'Add 1 message' }).click();
    await dialog.getByText('Added 1 chat excerpt').waitFor({ timeout: 20_000 });
    expect(await dialog.getByRole('button', { name: 'Add messages' }).isDisabled()).toBe(true);
    stored = await storedChatExcerpts('INC-1');
    expect(stored).toHaveLength(9);
    expect(stored.find((e) => e.actorName === 'Tomas Herrera')!.actor?.displayName).toBe('Tomás Herrera');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await panel.getByRole('dialog', { name: 'Import chat' }).count()).toBe(0);
    await page.close();
  }, 120_000);

  it('drafts what happened with its sources and asks before replacing the typed description', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const panel = await openPanel(page, 'INC-1');
    await panel.getByRole('tab', { name: 'Review' }).click();
    const description = panel.locator('#pir-doc-what-happened').getByLabel('Description', { exact: true });
    await description.waitFor({ timeout: 20_000 });
    const typed = await description.inputValue();
    expect(typed.length).toBeGreaterThan(0);

    await panel.getByRole('button', { name: 'Draft what happened' }).click();
    const draft = panel.getByRole('region', { name: 'Drafted description' });
    await draft.waitFor({ timeout: 20_000 });
    const text = await draft.innerText();
    expect(text).toContain('helped recovery');
    expect(text).toContain('From: ');

    await draft.getByRole('button', { name: 'Use this draft' }).click();
    const confirm = panel.getByRole('alertdialog', { name: 'Replace the description you typed?' });
    await confirm.getByRole('button', { name: 'Keep my text' }).click();
    expect(await description.inputValue()).toBe(typed);

    await draft.getByRole('button', { name: 'Use this draft' }).click();
    await confirm.getByRole('button', { name: 'Replace description' }).click();
    const replaced = await description.inputValue();
    expect(replaced).not.toBe(typed);
    expect(replaced).toMatch(/detected at/);
    expect(await panel.getByRole('region', { name: 'Drafted description' }).count()).toBe(0);
    await page.close();
  }, 120_000);
});
