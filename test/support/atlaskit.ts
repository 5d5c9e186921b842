import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

type Scope = Page | Frame | FrameLocator | Locator;

/**
 * Chooses `option` in an Atlaskit select found by its label (the select's input): opens the menu
 * with the keyboard and clicks the option, as a user would.
 */
export async function chooseOption(scope: Scope, label: string | RegExp, option: string | RegExp): Promise<void> {
  const input = scope.getByLabel(label, { exact: typeof label === 'string' });
  await input.focus();
  await input.press('ArrowDown');
  await scope
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** The value an Atlaskit select or date picker holds (its wrapper's `data-pir-value`), found by its label. */
export async function selectedValue(scope: Scope, label: string | RegExp): Promise<string | null> {
  return scope
    .getByLabel(label, { exact: typeof label === 'string' })
    .locator('xpath=ancestor::*[@data-pir-value][1]')
    .getAttribute('data-pir-value');
}

/** The text an Atlaskit select shows as its value (what a screen reader reads: avatars left out), found by its label; '' for none. */
export async function shownValue(scope: Scope, label: string | RegExp): Promise<string> {
  const control = scope
    .getByLabel(label, { exact: typeof label === 'string' })
    .locator('xpath=ancestor::*[contains(@class,"pir-select__control")][1]');
  const value = control.locator('.pir-select__single-value');
  if ((await value.count()) === 0) return '';
  return value.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (copy.textContent ?? '').trim();
  });
}

/** Types an ISO date into an Atlaskit date picker found by its label and confirms it with Enter. */
export async function typeDate(scope: Scope, label: string | RegExp, iso: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: typeof label === 'string' });
  await input.fill(iso);
  await input.press('Enter');
}
