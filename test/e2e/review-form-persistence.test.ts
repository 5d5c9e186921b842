/**
 * Every input of the Review tab (the review document and the Publish form) keeps what was typed
 * into it: each one is found in the DOM (so an input added later is covered without touching this
 * test), given a value no other input has, saved the way the UI saves (Save, then Publish report,
 * which is what remembers the space and parent page), and found again after the page is reloaded.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { signInAs, siteAndBrowserPerFile } from '../support/browser';
import { invokeAs } from '../support/site';

const e2e = siteAndBrowserPerFile();
const KEY = 'INC-3';

type Kind = 'text' | 'time' | 'date' | 'select' | 'checkbox' | 'radio' | 'combobox' | 'chips';

/** One input of the form: radios count once per group. */
interface Control {
  /** How it is found again after the reload: its id, or its radio group's name. */
  key: string;
  selector: string;
  kind: Kind;
}

/** What was put into a control, to be found there again. */
type Filled =
  | { kind: 'value' | 'data-value'; value: string }
  | { kind: 'checked'; checked: boolean }
  | { kind: 'radio'; index: number }
  | { kind: 'shown'; text: string };

async function openReviewTab(page: Page): Promise<{ panel: FrameLocator; form: Locator }> {
  await signInAs(page, e2e.site, 'maya@example.com', `/browse/${KEY}`);
  const panel = page.frameLocator('iframe[title="Post-incident review"]');
  await panel.getByRole('tab', { name: 'Review' }).click({ timeout: 20_000 });
  const form = panel.locator('[data-ready="review-doc"]');
  await form.waitFor({ timeout: 20_000 });
  await panel.locator('[data-ready="publish"]').waitFor({ timeout: 20_000 });
  return { panel, form };
}

/** Every visible input, textarea and select of the form, as the DOM has them now. */
async function discover(form: Locator): Promise<{ controls: Control[]; unnamed: string[] }> {
  return form.locator('input, textarea, select').evaluateAll((elements) => {
    const controls: { key: string; selector: string; kind: string }[] = [];
    const unnamed: string[] = [];
    const seen = new Set<string>();
    for (const el of elements as (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[]) {
      if (el.type === 'hidden' || el.disabled || el.getClientRects().length === 0 || el.closest('[hidden]')) continue;
      const type = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
      if (type === 'button' || type === 'submit' || type === 'reset') continue;
      if (type === 'radio') {
        if (!el.name) unnamed.push(el.outerHTML.slice(0, 120));
        else if (!seen.has(`radio:${el.name}`)) {
          seen.add(`radio:${el.name}`);
          controls.push({ key: `radio:${el.name}`, selector: `input[type="radio"][name="${CSS.escape(el.name)}"]`, kind: 'radio' });
        }
        continue;
      }
      if (!el.id) {
        unnamed.push(el.outerHTML.slice(0, 120));
        continue;
      }
      // Atlaskit's selects and date picker are comboboxes too: told apart by the wrapper each sits in.
      const kind = el.closest('.pir-date-picker')
        ? 'date'
        : el.closest('.pir-select[data-pir-value]')
          ? 'select'
          : el.getAttribute('role') === 'combobox'
            ? 'combobox'
            : el.closest('.pir-chips-input')
              ? 'chips'
              : type === 'select'
                ? 'select'
                : type === 'checkbox'
                  ? 'checkbox'
                  : type === 'date'
                    ? 'date'
                    : type === 'time'
                      ? 'time'
                      : 'text';
      controls.push({ key: el.id, selector: `[id="${CSS.escape(el.id)}"]`, kind });
    }
    return { controls: controls as Control[], unnamed };
  });
}

/** What an Atlaskit select or date picker holds (its wrapper's `data-pir-value`; its input shows only what is typed). */
async function dataValue(control: Locator): Promise<string> {
  return control.evaluate((el) => el.closest('[data-pir-value]')?.getAttribute('data-pir-value') ?? '');
}

/** The text around a picker or chips input where what it holds is shown (its own field, or its group). */
async function shownNear(control: Locator): Promise<string> {
  return control.evaluate((el) => {
    const holder = el.closest('.pir-chips-input') ?? el.closest('[role="group"]') ?? el.closest('.pir-field') ?? el.parentElement;
    return holder?.textContent ?? '';
  });
}

/** Gives one control a value no other control has; answers what to look for after the reload. */
async function fill(panel: FrameLocator, control: Control, n: number, picked: Set<string>): Promise<Filled> {
  const el = panel.locator(control.selector);
  switch (control.kind) {
    case 'text': {
      const value = `Value ${n} typed into ${control.key}`;
      await el.fill(value);
      return { kind: 'value', value };
    }
    case 'time': {
      // A native time field takes only HH:mm: a time no other control is given.
      const value = `${String(n % 24).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}`;
      await el.fill(value);
      return { kind: 'value', value };
    }
    case 'date': {
      const value = `2031-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
      await el.fill(value);
      await el.press('Enter');
      return { kind: 'data-value', value };
    }
    case 'select': {
      const current = await dataValue(el);
      await el.focus();
      await el.press('ArrowDown');
      // Atlaskit marks the chosen option aria-selected: any other one is a new value.
      const other = panel.locator('.pir-select__menu [role="option"][aria-selected="false"]');
      if ((await other.count()) === 0) throw new Error(`${control.key} offers no other choice to pick`);
      await other.first().click();
      const value = await dataValue(el);
      if (value === current) throw new Error(`${control.key} did not take the choice`);
      return { kind: 'data-value', value };
    }
    case 'checkbox': {
      const checked = !(await el.isChecked());
      await el.setChecked(checked);
      return { kind: 'checked', checked };
    }
    case 'radio': {
      const states = await el.evaluateAll((rs) => rs.map((r) => (r as HTMLInputElement).checked));
      const index = states.findIndex((checked) => !checked);
      if (index < 0) throw new Error(`${control.key} offers no other choice to pick`);
      await el.nth(index).check();
      return { kind: 'radio', index };
    }
    case 'chips': {
      const text = `chip-${n}`;
      await el.fill(text);
      await el.press('Enter');
      return { kind: 'shown', text };
    }
    case 'combobox': {
      // An empty search lists everything; the first option no other picker took keeps values distinct.
      await el.fill('');
      await el.press('ArrowDown');
      // While the search is under way the menu's one row reads "Searching…": wait for real options.
      const options = panel.locator('.pir-select__menu [role="option"]').filter({ hasNotText: /^Searching/ });
      await options.first().waitFor({ timeout: 10_000 });
      // What an option says, without decoration hidden from assistive technology (avatars' initials).
      const texts = await options.evaluateAll((os) =>
        os.map((o) => {
          const copy = o.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
          return (copy.textContent ?? '').trim();
        }),
      );
      const index = Math.max(
        0,
        texts.findIndex((t) => !picked.has(t)),
      );
      picked.add(texts[index]);
      await options.nth(index).click();
      // A picker shows its choice in the input (as it words it); one that adds to a list (participants) shows it beside.
      const shown = await el.inputValue();
      return shown !== '' ? { kind: 'value', value: shown } : { kind: 'shown', text: texts[index] };
    }
  }
}

/** Where the control lost its value after the reload, or null when it kept it. */
async function lost(panel: FrameLocator, control: Control, filled: Filled): Promise<string | null> {
  try {
    await expectKept(panel, control, filled);
    return null;
  } catch {
    return `${control.key} (${control.kind}) lost ${JSON.stringify(filled)}`;
  }
}

async function expectKept(panel: FrameLocator, control: Control, filled: Filled): Promise<void> {
  const el = panel.locator(control.selector);
  const where = `${control.key} (${control.kind})`;
  switch (filled.kind) {
    case 'value':
      expect({ where, value: await el.inputValue() }).toEqual({ where, value: filled.value });
      break;
    case 'data-value':
      expect({ where, value: await dataValue(el) }).toEqual({ where, value: filled.value });
      break;
    case 'checked':
      expect({ where, checked: await el.isChecked() }).toEqual({ where, checked: filled.checked });
      break;
    case 'radio':
      expect({ where, checked: await el.nth(filled.index).isChecked() }).toEqual({ where, checked: true });
      break;
    case 'shown':
      expect({ where, shown: (await shownNear(el)).includes(filled.text) }).toEqual({ where, shown: true });
      break;
  }
}

describe('the Review and Publish forms in Chromium', () => {
  it("keeps every input's value through Save, Publish report and a reload of the page", async () => {
    const started = await invokeAs<{ ok: boolean }>(e2e.site, 'maya@example.com', 'review/start', { issueKey: KEY });
    expect(started.result.ok).toBe(true);
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const { panel, form } = await openReviewTab(page);

    // Lists start empty: one row of each makes their inputs part of the walk.
    await panel.getByRole('button', { name: 'Add contributing factor' }).click();
    await panel.getByRole('button', { name: 'Add action item' }).first().click();

    // Filling some inputs reveals others (a participant's role, the space's pages): walk until nothing new appears.
    const filled = new Map<string, { control: Control; filled: Filled }>();
    const picked = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const { controls, unnamed } = await discover(form);
      expect({ unnamed }).toEqual({ unnamed: [] });
      const fresh = controls.filter((c) => !filled.has(c.key));
      if (fresh.length === 0) break;
      for (const control of fresh) filled.set(control.key, { control, filled: await fill(panel, control, filled.size + 1, picked) });
    }
    // Nothing was left out: every input on the form now holds a value this test gave it.
    const { controls: all } = await discover(form);
    expect(all.filter((c) => !filled.has(c.key)).map((c) => c.key)).toEqual([]);
    // Each kind of input the forms have was met (a walk that found nothing would prove nothing).
    expect(new Set([...filled.values()].map((f) => f.control.kind))).toEqual(
      new Set(['text', 'time', 'date', 'select', 'radio', 'combobox', 'chips']),
    );
    expect(filled.has('pir-external-proximate-cause')).toBe(true);
    expect(filled.has('pir-external-resolution')).toBe(true);

    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByText('All changes saved').waitFor({ timeout: 10_000 });
    await panel.locator('#pir-publish-internal').click();
    const confirm = panel.locator('#pir-publish-confirm');
    if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Publish anyway' }).click();
    await panel.locator('.pir-publish__outcome').waitFor({ timeout: 30_000 });

    await page.reload();
    const again = await openReviewTab(page);
    // The remembered space brings its parent pages back; wait for them before reading the radios.
    await again.panel.locator('input[type="radio"][name="pir-publish-parent-choice"]').nth(1).waitFor({ timeout: 10_000 });
    const losses: string[] = [];
    for (const { control, filled: value } of filled.values()) {
      const loss = await lost(again.panel, control, value);
      if (loss) losses.push(loss);
    }
    expect(losses).toEqual([]);
    await page.close();
  }, 120_000);
});
