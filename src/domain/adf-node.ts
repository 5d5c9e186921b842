import type { ADFEntity, ADFEntityMark } from '@atlaskit/adf-utils/types';

/**
 * Untrusted ADF (a Jira comment body) made safe to walk: every node is an object with a string
 * `type`, `content` is an array of such nodes, `text` a string, `attrs` a plain object, `marks`
 * valid marks. Anything else is dropped, so the renderers never meet a shape they must guard.
 * Nesting deeper than MAX_DEPTH is cut off: real comments are far shallower, and it keeps a
 * hostile document from exhausting the stack.
 */
const MAX_DEPTH = 64;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sanitizeMarks(marks: unknown): ADFEntityMark[] | undefined {
  if (!Array.isArray(marks)) return undefined;
  const valid = marks.filter(isRecord).filter((m) => typeof m.type === 'string');
  return valid.map((m) => (isRecord(m.attrs) ? { type: m.type as string, attrs: m.attrs } : { type: m.type as string }));
}

export function sanitizeNode(value: unknown, depth = 0): ADFEntity | null {
  if (!isRecord(value) || typeof value.type !== 'string' || depth > MAX_DEPTH) return null;
  const node: ADFEntity = { type: value.type };
  if (typeof value.text === 'string') node.text = value.text;
  if (isRecord(value.attrs)) node.attrs = value.attrs;
  const marks = sanitizeMarks(value.marks);
  if (marks) node.marks = marks;
  if (Array.isArray(value.content)) {
    node.content = value.content.map((child) => sanitizeNode(child, depth + 1)).filter((c): c is ADFEntity => c !== null);
  }
  return node;
}

/** A string attribute, or undefined when absent or of another type (never stringified objects). */
export function attr(node: ADFEntity, name: string): string | undefined {
  const v: unknown = node.attrs?.[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function childrenOf(node: ADFEntity): ADFEntity[] {
  return (node.content ?? []).filter((c): c is ADFEntity => c !== undefined);
}
