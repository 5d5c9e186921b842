import type { ContributingFactor, FactorCategory } from '../contract';

/**
 * The contributing-factor taxonomy (docs/FACTOR-TAXONOMY.md), in the order the Review tab offers
 * it. Pure and dependency-free, so the Custom UI imports the same list and labels.
 */
export const FACTOR_CATEGORIES = [
  'change',
  'configuration',
  'capacity',
  'dependency',
  'detection',
  'knowledge',
  'process',
  'hardware-network',
  'other',
] as const satisfies readonly FactorCategory[];

// Every category of the contract is in the list (the list cannot name one the contract lacks).
type Missing = Exclude<FactorCategory, (typeof FACTOR_CATEGORIES)[number]>;
const everyCategoryListed: Missing extends never ? true : never = true;
void everyCategoryListed;

export const FACTOR_CATEGORY_LABEL: Readonly<Record<FactorCategory, string>> = {
  change: 'Change/deploy',
  configuration: 'Configuration',
  capacity: 'Capacity/saturation',
  dependency: 'Dependency/third party',
  detection: 'Detection/monitoring gap',
  knowledge: 'Knowledge/documentation',
  process: 'Process/coordination',
  'hardware-network': 'Hardware/network',
  other: 'Other',
};

export function isFactorCategory(value: unknown): value is FactorCategory {
  return typeof value === 'string' && (FACTOR_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Factors as stored, whatever their age: one without a category (saved before categories
 * existed) or with one this version does not know reads as 'other'. The text is never touched.
 */
export function withFactorCategories(
  factors: readonly (Omit<ContributingFactor, 'category'> & { category?: unknown })[],
): ContributingFactor[] {
  return factors.map((f) => ({ ...f, category: isFactorCategory(f.category) ? f.category : 'other' }));
}
