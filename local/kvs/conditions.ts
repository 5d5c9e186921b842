import { badRequest } from './errors';
import type { Clause, Condition, FilterItem, Filters } from './wire';

/** How many values each condition takes (conditions.js builds exactly these). */
const ARITY: Record<Condition, number> = {
  BEGINS_WITH: 1,
  BETWEEN: 2,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  EQUAL_TO: 1,
  NOT_EQUAL_TO: 1,
  EXISTS: 1,
  NOT_EXISTS: 1,
  GREATER_THAN: 1,
  GREATER_THAN_EQUAL_TO: 1,
  LESS_THAN: 1,
  LESS_THAN_EQUAL_TO: 1,
};

/** Conditions allowed on an index range (`WhereConditions` in conditions.js). */
export const RANGE_CONDITIONS: ReadonlySet<Condition> = new Set<Condition>([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

export function checkClauseValues(clause: Clause): void {
  const expected = ARITY[clause.condition];
  if (clause.values.length < expected) {
    throw badRequest(
      clause.condition === 'BETWEEN' ? 'INSUFFICIENT_FILTER_VALUES' : 'INVALID_FILTER_VALUES',
      `${clause.condition} needs ${expected} value(s); got ${clause.values.length}`,
    );
  }
  if (clause.values.length > expected) {
    throw badRequest('INVALID_FILTER_VALUES', `${clause.condition} takes ${expected} value(s); got ${clause.values.length}`);
  }
}

/** Orders two scalars of the same kind; undefined when they cannot be compared. */
export function compareScalars(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

/** Whether `actual` (an attribute's value, undefined when absent) satisfies the clause. */
export function satisfies(actual: unknown, clause: Clause): boolean {
  const [first, second] = clause.values;
  const cmp = (v: unknown) => (actual === undefined ? undefined : compareScalars(actual, v));
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return cmp(first) === 0;
    case 'NOT_EQUAL_TO':
      return cmp(first) !== 0;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    case 'GREATER_THAN':
      return (cmp(first) ?? Number.NaN) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (cmp(first) ?? Number.NaN) >= 0;
    case 'LESS_THAN':
      return (cmp(first) ?? Number.NaN) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (cmp(first) ?? Number.NaN) <= 0;
    case 'BETWEEN':
      return (cmp(first) ?? Number.NaN) >= 0 && (cmp(second) ?? Number.NaN) <= 0;
  }
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return actual.includes(String(needle));
  if (Array.isArray(actual)) return actual.some((element) => compareScalars(element, needle) === 0);
  return false;
}

/** Validates an `{ and: [...] } | { or: [...] }` block and returns a predicate over entity values. */
export function compileFilters(block: Filters): (value: Record<string, unknown>) => boolean {
  if (block.and !== undefined && block.or !== undefined) {
    throw badRequest('INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level');
  }
  const operator = block.and !== undefined ? 'and' : 'or';
  const items: FilterItem[] = block.and ?? block.or ?? [];
  if (items.length === 0) {
    throw badRequest('EMPTY_FILTER_OPERATOR', `Filter operator "${operator}" cannot be empty`);
  }
  items.forEach(checkClauseValues);
  return (value) => {
    const test = (item: FilterItem) => satisfies(value[item.property], item);
    return operator === 'and' ? items.every(test) : items.some(test);
  };
}
