import { findUser } from '../users';
import { browsableProjectIds, canBrowseProjectId } from './access';
import { ISSUE_TYPES, LINK_TYPES, PRIORITIES, STATUSES, STATUS_CATEGORIES, categoryOf, priorityById, statusById } from './catalog';
import type { Ctx } from './http';
import { JqlError, parseJql, type JqlExpr, type JqlOp, type JqlValue } from './jql-parser';
import { allIssues, getIssue, labelsOf, type IssueRow, type LinkRow, type ProjectRow } from './store';

export { JqlError } from './jql-parser';

type Pred = (r: IssueRow) => boolean;
type Cmp = (a: IssueRow, b: IssueRow) => number;

const FIELD_ALIASES: Record<string, string> = {
  issuekey: 'key',
  type: 'issuetype',
  createddate: 'created',
  updateddate: 'updated',
  resolutiondate: 'resolved',
  statuscategory: 'statuscategory',
  due: 'duedate',
  text: 'summary',
};

/**
 * Runs a JQL query for the principal: only issues of browsable projects are considered.
 * Throws JqlError (answered as 400) for syntax errors, unknown fields or values, and unbounded queries.
 */
export function searchJql(ctx: Ctx, jql: string): IssueRow[] {
  const q = parseJql(jql);
  if (!q.where) throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const visible = browsableProjectIds(ctx.db, ctx.principal);
  const c = new Compiler(ctx, visible);
  const pred = c.compile(q.where);
  const cmps = q.orderBy.map((o) => {
    const cmp = c.comparator(o.field);
    return o.dir === 'desc' ? (a: IssueRow, b: IssueRow) => -cmp(a, b) : cmp;
  });
  if (cmps.length === 0) cmps.push((a, b) => b.created - a.created);
  const rows = allIssues(ctx.db).filter((r) => visible.has(r.project_id) && pred(r));
  return rows.sort((a, b) => {
    for (const f of cmps) {
      const d = f(a, b);
      if (d !== 0) return d;
    }
    return a.id - b.id;
  });
}

class Compiler {
  private readonly projects: ProjectRow[];
  private readonly projectKeys = new Map<number, string>();

  constructor(
    private readonly ctx: Ctx,
    private readonly visible: Set<number>,
  ) {
    this.projects = ctx.db.prepare('SELECT * FROM jira_projects').all() as ProjectRow[];
    for (const p of this.projects) this.projectKeys.set(p.id, p.key);
  }

  compile(e: JqlExpr): Pred {
    switch (e.kind) {
      case 'and': {
        const ps = e.items.map((x) => this.compile(x));
        return (r) => ps.every((p) => p(r));
      }
      case 'or': {
        const ps = e.items.map((x) => this.compile(x));
        return (r) => ps.some((p) => p(r));
      }
      case 'not': {
        const p = this.compile(e.expr);
        return (r) => !p(r);
      }
      case 'clause':
        return this.clause(FIELD_ALIASES[e.field] ?? e.field, e.field, e.op, e.values);
    }
  }

  private clause(field: string, raw: string, op: JqlOp, values: JqlValue[]): Pred {
    const unsupported = () => new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${raw}' field.`);
    if (field === 'issue' || field === 'key' || field === 'id') {
      if (!['=', '!=', 'in', 'not in'].includes(op)) throw unsupported();
      const ids = new Set<number>();
      for (const v of values) this.issueIds(v, raw).forEach((id) => ids.add(id));
      return this.membership(op, (r) => ids.has(r.id));
    }
    if (field === 'project') {
      const ids = this.resolveAll(
        values,
        raw,
        (s) =>
          this.projects.find(
            (p) => (p.key === s.toUpperCase() || String(p.id) === s || p.name.toLowerCase() === s.toLowerCase()) && this.visible.has(p.id),
          )?.id,
      );
      return this.setClause(op, raw, ids, (r) => r.project_id);
    }
    if (field === 'parent') {
      const ids = this.resolveAll(
        values,
        raw,
        (s) => this.visibleIssue(s)?.id,
        (s) => `An issue with key '${s}' does not exist for field 'parent'.`,
      );
      return this.setClause(op, raw, ids, (r) => r.parent_id);
    }
    if (field === 'issuetype') {
      const ids = this.resolveAll(values, raw, (s) => ISSUE_TYPES.find((t) => t.id === s || t.name.toLowerCase() === s.toLowerCase())?.id);
      return this.setClause(op, raw, ids, (r) => r.type_id);
    }
    if (field === 'status') {
      const ids = this.resolveAll(values, raw, (s) => STATUSES.find((t) => t.id === s || t.name.toLowerCase() === s.toLowerCase())?.id);
      return this.setClause(op, raw, ids, (r) => r.status_id);
    }
    if (field === 'statuscategory') {
      const keys = this.resolveAll(
        values,
        raw,
        (s) =>
          STATUS_CATEGORIES.find((c) => String(c.id) === s || c.key === s.toLowerCase() || c.name.toLowerCase() === s.toLowerCase())?.key,
      );
      return this.setClause(op, raw, keys, (r) => categoryOf(statusById(r.status_id)!).key);
    }
    if (field === 'priority') {
      const ids = this.resolveAll(values, raw, (s) => PRIORITIES.find((p) => p.id === s || p.name.toLowerCase() === s.toLowerCase())?.id);
      return this.setClause(op, raw, ids, (r) => r.priority_id);
    }
    if (field === 'assignee' || field === 'reporter' || field === 'creator') {
      const accounts = this.resolveAll(
        values,
        raw,
        (s) => findUser(this.ctx.db, s)?.accountId,
        undefined,
        (fn) => {
          if (fn.name.toLowerCase() !== 'currentuser')
            throw new JqlError(`Unable to find JQL function '${fn.name}(${fn.args.join(', ')})'.`);
          return this.ctx.principal.kind === 'user' ? this.ctx.principal.accountId : '';
        },
      );
      return this.setClause(op, raw, accounts, (r) => r[field]);
    }
    if (field === 'labels') {
      if (op === 'is' || op === 'is not') {
        if (values[0]?.kind !== 'empty') throw new JqlError(`The operator '${op.toUpperCase()}' only supports EMPTY.`);
        return op === 'is' ? (r) => labelsOf(r).length === 0 : (r) => labelsOf(r).length > 0;
      }
      if (!['=', '!=', 'in', 'not in'].includes(op)) throw unsupported();
      const wanted = new Set(values.map((v) => this.literal(v, raw)));
      return this.membership(op, (r) => labelsOf(r).some((l) => wanted.has(l)));
    }
    if (field === 'resolution') {
      if (op === 'is' || op === 'is not') return op === 'is' ? (r) => r.resolved === null : (r) => r.resolved !== null;
      const names = values.map((v) => this.literal(v, raw).toLowerCase());
      for (const n of names)
        if (n !== 'done' && n !== 'unresolved') throw new JqlError(`The value '${n}' does not exist for the field '${raw}'.`);
      return this.membership(op, (r) => names.includes(r.resolved === null ? 'unresolved' : 'done'));
    }
    if (field === 'summary') {
      if (op !== '~' && op !== '!~') throw unsupported();
      const words = this.literal(values[0], raw).toLowerCase().split(/\s+/).filter(Boolean);
      const has = (r: IssueRow) => words.every((w) => r.summary.toLowerCase().includes(w.replace(/\*$/, '')));
      return op === '~' ? has : (r) => !has(r);
    }
    if (['created', 'updated', 'resolved', 'duedate'].includes(field)) return this.dateClause(field, raw, op, values);
    throw new JqlError(`Field '${raw}' does not exist or you do not have permission to view it.`);
  }

  private membership(op: JqlOp, has: Pred): Pred {
    return op === '!=' || op === 'not in' ? (r) => !has(r) : has;
  }

  /** `=`, `!=`, `in`, `not in`, `is [not] EMPTY` against a single-valued column. */
  private setClause<T>(op: JqlOp, raw: string, values: (T | null)[], get: (r: IssueRow) => T | null): Pred {
    if (op === 'is' || op === 'is not') {
      if (values.length !== 1 || values[0] !== null) throw new JqlError(`The operator '${op.toUpperCase()}' only supports EMPTY.`);
      return op === 'is' ? (r) => get(r) === null : (r) => get(r) !== null;
    }
    if (!['=', '!=', 'in', 'not in'].includes(op))
      throw new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${raw}' field.`);
    const set = new Set(values);
    return op === '=' || op === 'in' ? (r) => set.has(get(r)) : (r) => get(r) !== null && !set.has(get(r));
  }

  private literal(v: JqlValue | undefined, raw: string): string {
    if (!v || v.kind !== 'str') throw new JqlError(`Error in the JQL Query: Expecting a value for the field '${raw}'.`);
    return v.v;
  }

  /** Resolves each value (EMPTY → null); unknown values are a 400 like Jira's. */
  private resolveAll<T>(
    values: JqlValue[],
    raw: string,
    find: (s: string) => T | undefined,
    message = (s: string) => `The value '${s}' does not exist for the field '${raw}'.`,
    fn?: (f: { name: string; args: string[] }) => T,
  ): (T | null)[] {
    return values.map((v) => {
      if (v.kind === 'empty') return null;
      if (v.kind === 'fn') {
        if (!fn) throw new JqlError(`Unable to find JQL function '${v.name}(${v.args.join(', ')})'.`);
        return fn(v);
      }
      const found = find(v.v);
      if (found === undefined) throw new JqlError(message(v.v));
      return found;
    });
  }

  private visibleIssue(s: string): IssueRow | undefined {
    const row = getIssue(this.ctx.db, s);
    return row && canBrowseProjectId(this.ctx.db, this.ctx.principal, row.project_id) ? row : undefined;
  }

  private issueIds(v: JqlValue, raw: string): number[] {
    if (v.kind === 'empty') return [];
    if (v.kind === 'str') {
      const row = this.visibleIssue(v.v);
      if (!row) throw new JqlError(`An issue with key '${v.v.toUpperCase()}' does not exist for field '${raw}'.`);
      return [row.id];
    }
    if (v.name.toLowerCase() !== 'linkedissues') throw new JqlError(`Unable to find JQL function '${v.name}(${v.args.join(', ')})'.`);
    const [key, wording] = v.args;
    const anchor = key ? this.visibleIssue(key) : undefined;
    if (!anchor) throw new JqlError(`Issue '${key ?? ''}' could not be found in function 'linkedIssues'.`);
    const w = wording?.toLowerCase();
    if (w !== undefined && !LINK_TYPES.some((l) => l.inward === w || l.outward === w)) {
      throw new JqlError(`Issue link type '${wording}' does not exist.`);
    }
    const links = this.ctx.db
      .prepare('SELECT * FROM jira_issue_links WHERE source_id = ? OR dest_id = ?')
      .all(anchor.id, anchor.id) as LinkRow[];
    const out: number[] = [];
    for (const l of links) {
      const type = LINK_TYPES.find((t) => t.id === l.type_id)!;
      const fromSource = l.source_id === anchor.id;
      if (w === undefined || (fromSource ? type.outward : type.inward) === w) out.push(fromSource ? l.dest_id : l.source_id);
    }
    return out;
  }

  private dateClause(field: string, raw: string, op: JqlOp, values: JqlValue[]): Pred {
    const get = (r: IssueRow): number | null => {
      if (field === 'duedate') return r.duedate ? Date.parse(`${r.duedate}T00:00:00Z`) : null;
      return field === 'created' ? r.created : field === 'updated' ? r.updated : r.resolved;
    };
    if (op === 'is' || op === 'is not') return op === 'is' ? (r) => get(r) === null : (r) => get(r) !== null;
    const ts = values.map((v) => parseJqlDate(v, raw));
    const cmp: Record<string, (a: number, b: number) => boolean> = {
      '=': (a, b) => a === b,
      '!=': (a, b) => a !== b,
      '>': (a, b) => a > b,
      '>=': (a, b) => a >= b,
      '<': (a, b) => a < b,
      '<=': (a, b) => a <= b,
    };
    if (op === 'in' || op === 'not in') return this.membership(op, (r) => ts.includes(get(r) ?? NaN));
    const f = cmp[op];
    if (!f) throw new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${raw}' field.`);
    return (r) => {
      const v = get(r);
      return v !== null && f(v, ts[0]);
    };
  }

  comparator(field: string): Cmp {
    const f = FIELD_ALIASES[field] ?? field;
    const num =
      (get: (r: IssueRow) => number | null): Cmp =>
      (a, b) =>
        (get(a) ?? -Infinity) - (get(b) ?? -Infinity);
    const str =
      (get: (r: IssueRow) => string | null): Cmp =>
      (a, b) =>
        (get(a) ?? '').localeCompare(get(b) ?? '');
    switch (f) {
      case 'key':
        return (a, b) =>
          (this.projectKeys.get(a.project_id) ?? '').localeCompare(this.projectKeys.get(b.project_id) ?? '') || a.num - b.num;
      case 'id':
      case 'rank':
        return num((r) => r.id);
      case 'created':
        return num((r) => r.created);
      case 'updated':
        return num((r) => r.updated);
      case 'resolved':
        return num((r) => r.resolved);
      case 'duedate':
        return str((r) => r.duedate);
      case 'priority':
        return num((r) => 10 - Number(priorityById(r.priority_id)!.id));
      case 'status':
        return str((r) => statusById(r.status_id)!.name);
      case 'summary':
        return str((r) => r.summary);
      case 'issuetype':
        return str((r) => r.type_id);
      case 'project':
        return str((r) => this.projectKeys.get(r.project_id) ?? '');
      case 'assignee':
        return str((r) => r.assignee);
      default:
        throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
    }
  }
}

/** JQL date values: `yyyy-MM-dd`, `yyyy/MM/dd` with optional ` HH:mm`, relative `-5d`, now() / startOfDay() / endOfDay(). */
function parseJqlDate(v: JqlValue, raw: string): number {
  const bad = (s: string) =>
    new JqlError(
      `Date value '${s}' for field '${raw}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  if (v.kind === 'empty') throw bad('EMPTY');
  if (v.kind === 'fn') {
    const now = Date.now();
    const day = Math.floor(now / 86_400_000) * 86_400_000;
    switch (v.name.toLowerCase()) {
      case 'now':
        return now;
      case 'startofday':
        return day;
      case 'endofday':
        return day + 86_400_000 - 1;
      default:
        throw new JqlError(`Unable to find JQL function '${v.name}(${v.args.join(', ')})'.`);
    }
  }
  const s = v.v.trim();
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (abs) {
    const [, y, m, d, hh, mm] = abs;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
    const check = new Date(ms);
    if (check.getUTCMonth() !== Number(m) - 1 || check.getUTCDate() !== Number(d)) throw bad(s);
    return ms;
  }
  const rel = /^([-+]?)((?:\d+[wdhm]\s*)+)$/.exec(s);
  if (rel) {
    const unit: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
    let total = 0;
    for (const m of rel[2].matchAll(/(\d+)([wdhm])/g)) total += Number(m[1]) * unit[m[2]];
    return Date.now() + (rel[1] === '-' ? -total : total);
  }
  throw bad(s);
}
