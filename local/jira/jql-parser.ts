/**
 * Parser for the JQL subset the emulator supports: clauses `field op value`, AND / OR / NOT,
 * parentheses, lists `(a, b)`, functions `name(args)`, EMPTY / NULL and `ORDER BY f [ASC|DESC], …`.
 */
export type JqlValue = { kind: 'str'; v: string } | { kind: 'fn'; name: string; args: string[] } | { kind: 'empty' };
export type JqlOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';
export type JqlExpr =
  | { kind: 'and' | 'or'; items: JqlExpr[] }
  | { kind: 'not'; expr: JqlExpr }
  | { kind: 'clause'; field: string; op: JqlOp; values: JqlValue[]; list: boolean };
export interface JqlOrder {
  field: string;
  dir: 'asc' | 'desc';
}
export interface JqlQuery {
  where?: JqlExpr;
  orderBy: JqlOrder[];
}

export class JqlError extends Error {}

interface Tok {
  t: 'punct' | 'op' | 'str' | 'word' | 'end';
  v: string;
  quoted?: boolean;
  pos: number;
}

const OPS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'punct', v: c, pos: i });
      i++;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op, pos: i });
      i += op.length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j];
        j++;
      }
      if (j >= src.length)
        throw new JqlError(`Error in the JQL Query: The quoted string '${s}' has not been completed. (line 1, character ${i + 1})`);
      out.push({ t: 'str', v: s, quoted: true, pos: i });
      i = j + 1;
      continue;
    }
    const m = /^[^\s(),=!<>~"']+/.exec(src.slice(i));
    if (!m) throw new JqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character. (line 1, character ${i + 1})`);
    out.push({ t: 'word', v: m[0], pos: i });
    i += m[0].length;
  }
  out.push({ t: 'end', v: '', pos: src.length });
  return out;
}

export function parseJql(src: string): JqlQuery {
  return new Parser(tokenize(src)).query();
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i];
  }
  private next(): Tok {
    return this.toks[this.i++];
  }
  private isWord(v: string, tok = this.peek()): boolean {
    return tok.t === 'word' && tok.v.toLowerCase() === v;
  }
  private fail(expected: string): never {
    const tok = this.peek();
    const got = tok.t === 'end' ? 'the end of the query' : `'${tok.v}'`;
    throw new JqlError(`Error in the JQL Query: Expecting ${expected} but got ${got}. (line 1, character ${tok.pos + 1})`);
  }

  query(): JqlQuery {
    let where: JqlExpr | undefined;
    if (!(this.isWord('order') && this.isWord('by', this.toks[this.i + 1])) && this.peek().t !== 'end') where = this.or();
    const orderBy: JqlOrder[] = [];
    if (this.isWord('order')) {
      this.next();
      if (!this.isWord('by')) this.fail("'by'");
      this.next();
      do {
        const f = this.next();
        if (f.t !== 'word' && f.t !== 'str') {
          this.i--;
          this.fail('a field name');
        }
        let dir: 'asc' | 'desc' = 'asc';
        if (this.isWord('asc') || this.isWord('desc')) dir = this.next().v.toLowerCase() as 'asc' | 'desc';
        orderBy.push({ field: f.v.toLowerCase(), dir });
      } while (this.peek().v === ',' && this.next());
    }
    if (this.peek().t !== 'end') this.fail(where ? "either 'OR' or 'AND'" : 'a field name');
    return { where, orderBy };
  }

  private or(): JqlExpr {
    const items = [this.and()];
    while (this.isWord('or')) {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private and(): JqlExpr {
    const items = [this.not()];
    while (this.isWord('and')) {
      this.next();
      items.push(this.not());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private not(): JqlExpr {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'not', expr: this.not() };
    }
    if (this.peek().v === '(' && this.peek().t === 'punct') {
      this.next();
      const e = this.or();
      if (this.peek().v !== ')') this.fail("')'");
      this.next();
      return e;
    }
    return this.clause();
  }

  private clause(): JqlExpr {
    const f = this.next();
    if (f.t !== 'word' && f.t !== 'str') {
      this.i--;
      this.fail('a field name');
    }
    const field = f.v.toLowerCase();
    const tok = this.peek();
    let op: JqlOp;
    if (tok.t === 'op') {
      this.next();
      op = tok.v as JqlOp;
    } else if (this.isWord('in')) {
      this.next();
      op = 'in';
    } else if (this.isWord('not') && this.isWord('in', this.toks[this.i + 1])) {
      this.i += 2;
      op = 'not in';
    } else if (this.isWord('is')) {
      this.next();
      if (this.isWord('not')) {
        this.next();
        op = 'is not';
      } else op = 'is';
    } else {
      const got = tok.t === 'end' ? 'the end of the query' : `'${tok.v}'`;
      throw new JqlError(
        `Error in the JQL Query: Expecting operator but got ${got}. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character ${tok.pos + 1})`,
      );
    }
    if (op === 'in' || op === 'not in') {
      if (this.peek().v === '(' && this.peek().t === 'punct') {
        this.next();
        const values: JqlValue[] = [];
        if (this.peek().v !== ')') {
          values.push(this.value());
          while (this.peek().v === ',') {
            this.next();
            values.push(this.value());
          }
        }
        if (this.peek().v !== ')') this.fail("')'");
        this.next();
        return { kind: 'clause', field, op, values, list: true };
      }
      return { kind: 'clause', field, op, values: [this.value()], list: false };
    }
    return { kind: 'clause', field, op, values: [this.value()], list: false };
  }

  private value(): JqlValue {
    const tok = this.next();
    if (tok.t === 'str') return { kind: 'str', v: tok.v };
    if (tok.t !== 'word') {
      this.i--;
      this.fail('either a value, list or function');
    }
    if (!tok.quoted && (tok.v.toLowerCase() === 'empty' || tok.v.toLowerCase() === 'null')) return { kind: 'empty' };
    if (this.peek().v === '(' && this.peek().t === 'punct') {
      this.next();
      const args: string[] = [];
      while (this.peek().v !== ')') {
        const a = this.next();
        if (a.t !== 'word' && a.t !== 'str') {
          this.i--;
          this.fail("')'");
        }
        args.push(a.v);
        if (this.peek().v === ',') this.next();
        else if (this.peek().v !== ')') this.fail("')'");
      }
      this.next();
      return { kind: 'fn', name: tok.v, args };
    }
    return { kind: 'str', v: tok.v };
  }
}
