import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Rules checked whatever impact axe gives them: `region` (content outside any landmark) is
 * "moderate" to axe, but a screen-reader user jumping by landmarks misses that content entirely.
 */
const ALWAYS: readonly string[] = ['region'];

/** One axe-core violation, with where it was found and a few of its nodes. */
export interface AxeFinding {
  rule: string;
  impact: ImpactValue | null | undefined;
  help: string;
  targets: string[];
  summary: string;
}

/**
 * Runs axe-core in one frame and answers its violations of the given impacts (and of `ALWAYS`).
 *
 * The frames carry Forge's CSP, which forbids inline scripts, so `addScriptTag({content})` would be
 * blocked (and recorded as a violation by test/support/browser.ts). Playwright's `evaluate` runs
 * the library through the debugger protocol instead, which CSP does not govern: the app's policy
 * is left exactly as Forge serves it.
 */
export async function axeViolations(frame: Frame, impacts: readonly ImpactValue[] = ['critical', 'serious']): Promise<AxeFinding[]> {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await frame.evaluate(AXE_SOURCE);
  const results = (await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  })) as AxeResults;
  return results.violations
    .filter((v) => impacts.includes(v.impact ?? 'minor') || ALWAYS.includes(v.id))
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
    }));
}

/** One line per finding, for an assertion message a developer can act on. */
export function describeFindings(where: string, findings: readonly AxeFinding[]): string[] {
  return findings.map((f) => `${where}: ${f.impact} ${f.rule} (${f.help}) at ${f.targets.join(' | ')}: ${f.summary}`);
}
