import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startSite } from '../local/site';
import { launchChromium } from '../test/support/browser';
import type { ReviewDoc, ReviewTemplate } from '../src/contract';

/**
 * Issue 18's screens (review templates admin page, the Review tab's template questions and
 * "Notify participants") at 500, 700 and 1280 px, light and dark, into docs/screenshots:
 * `npm run build && npx tsx scripts/screenshots-issue18.ts`.
 */
async function call<T>(url: string, user: string, key: string, payload: unknown, moduleKey = 'pir-issue-panel'): Promise<T> {
  const res = await fetch(`${url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-user': user },
    body: JSON.stringify({ functionKey: key, payload, context: { moduleKey } }),
  });
  const body = (await res.json()) as { result: { ok: boolean; data: T; error?: unknown } };
  if (!body.result.ok) throw new Error(`${key}: ${JSON.stringify(body.result.error)}`);
  return body.result.data;
}

const MAJOR: ReviewTemplate = {
  id: 'major-incident',
  name: 'Major incident',
  description: 'Sev1 and Sev2: customer communication.',
  issueTypes: [],
  severities: [1, 2],
  sections: ['goals', 'description', 'learnings', 'contributingFactors', 'remediation', 'actionItems'],
  requiredFields: ['customerImpact', 'externalSummary.proximateCause'],
  questions: [
    { id: 'comms', label: 'Were customers told within the hour?', kind: 'yes-no', choices: [], required: true, public: true },
    {
      id: 'channel',
      label: 'Which channel reached them first?',
      kind: 'choice',
      choices: ['Status page', 'Email', 'In-app banner'],
      required: false,
      public: true,
    },
    { id: 'approver', label: 'Who approved the customer message?', kind: 'text', choices: [], required: false, public: false },
  ],
};

async function main(): Promise<void> {
  const out = join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const site = await startSite({ dataDir: ':memory:', port: 0 });
  const browser = await launchChromium();
  try {
    const maya = 'maya@example.com';
    await call(site.url, maya, 'review/start', { issueKey: 'INC-1' });
    await call(site.url, maya, 'templates/save', { templates: [MAJOR], version: 0 }, 'pir-review-templates');
    const doc = await call<ReviewDoc>(site.url, maya, 'review/get', { issueKey: 'INC-1' });
    const template = {
      id: MAJOR.id,
      name: MAJOR.name,
      sections: MAJOR.sections,
      requiredFields: MAJOR.requiredFields,
      answers: MAJOR.questions.map((q) => ({
        questionId: q.id,
        label: q.label,
        kind: q.kind,
        public: q.public,
        required: q.required,
        value: q.id === 'comms' ? true : q.id === 'channel' ? 'Status page' : null,
      })),
    };
    const items = doc.actionItems.map(({ id, summary, description, owner, dueDate, priority, question }) => ({
      id,
      summary,
      description,
      owner,
      dueDate,
      priority,
      question,
    }));
    // Participants too, so "Notify participants" shows as it is offered (enabled, not yet sent).
    const participants = [
      { accountId: '712020:8e3b9a10-daniel-reyes', displayName: 'Daniel Reyes', role: 'first-responder' },
      { accountId: '712020:9a2e6d34-tomas-herrera', displayName: 'Tomás Herrera', role: 'incident-commander' },
    ];
    const meeting = {
      ...doc.content.meeting,
      meetingDate: '2026-12-08',
      meetingTime: '15:00',
      meetingTimeZone: 'Europe/London',
      participants,
    };
    await call(site.url, maya, 'review/save', {
      issueKey: 'INC-1',
      content: { ...doc.content, meeting, template },
      actionItems: items,
      version: doc.version,
    });
    const adminPath = site.globalPagePath.replace('/jira/apps/', '/jira/settings/apps/');
    for (const mode of ['light', 'dark'] as const) {
      for (const width of [500, 700, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${site.url}/__switch-theme?mode=${mode}&back=/`);
        await page.goto(`${site.url}/__switch-user?as=${encodeURIComponent(maya)}&back=${encodeURIComponent(adminPath)}`);
        await page.frameLocator('iframe.forge').locator('[data-ready="templates-admin"]').waitFor({ timeout: 20_000 });
        await page.screenshot({ path: join(out, `templates-admin-${width}${mode === 'dark' ? '-dark' : ''}.png`), fullPage: true });
        const x = Buffer.from(JSON.stringify({ type: 'jira:issuePanel', issue: { key: 'INC-1' }, project: { key: 'INC' } })).toString(
          'base64url',
        );
        await page.goto(`${site.url}/__app/frame?m=pir-issue-panel&l=shot&x=${x}`);
        await page.getByText('INC-1').first().waitFor({ timeout: 30_000 });
        await page.getByRole('tab', { name: 'Review' }).click();
        await page.locator('[data-ready="review-doc"]').waitFor({ timeout: 20_000 });
        await page.locator('#pir-doc-meeting').scrollIntoViewIfNeeded();
        await page.waitForTimeout(800);
        await page
          .locator('#pir-doc-meeting')
          .screenshot({ path: join(out, `meeting-notify-${width}${mode === 'dark' ? '-dark' : ''}.png`) });
        await page
          .locator('#pir-doc-template')
          .screenshot({ path: join(out, `template-questions-${width}${mode === 'dark' ? '-dark' : ''}.png`) });
        await page.close();
        process.stdout.write(`${mode} ${width}\n`);
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
