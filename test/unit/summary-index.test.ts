import fc from 'fast-check';
import type { SeverityLevel } from '../../src/contract';
import {
  CSV_HEADER,
  SHARD_BUDGET_BYTES,
  csvCells,
  filterRows,
  monthlyTrends,
  pageRows,
  removeRow,
  shardOf,
  shardsBetween,
  sortRows,
  toCsv,
  upsertRow,
  type SortKey,
  type SummaryRow,
} from '../../src/domain/summary-index';

const MIN = 60_000;

function row(over: Partial<SummaryRow> & { incidentKey: string }): SummaryRow {
  return {
    projectKey: over.incidentKey.split('-')[0],
    title: `Incident ${over.incidentKey}`,
    severityLevel: 2,
    impactStartedAt: '2026-10-17T18:41:00.000Z',
    ttaMs: 3 * MIN,
    ttrMs: 16 * MIN,
    impactMs: 21 * MIN,
    customerImpact: true,
    status: 'published',
    actionsOpen: 2,
    actionsOverdue: 1,
    actionsClosed: 1,
    openItems: [
      {
        subtaskKey: 'OPS-101',
        summary: 'Alert on sign-in error rate above 5% for 2 minutes',
        owner: 'Maya Lindqvist',
        dueDate: '2026-10-30',
      },
      { subtaskKey: null, summary: 'Publish the access runbook where on-call can find it', owner: null, dueDate: '2026-11-15' },
    ],
    openDueDates: ['2026-10-30', '2026-11-15'],
    docVersion: 4,
    tags: ['login'],
    pageUrl: 'https://example.atlassian.net/wiki/spaces/OPS/pages/123',
    updatedAt: Date.UTC(2026, 9, 20, 9, 0),
    ...over,
  };
}

const keys = (rows: readonly SummaryRow[]) => rows.map((r) => r.incidentKey);

/** A tiny RFC 4180 reader: CRLF between records, a quoted field may hold anything. Strict: a bare quote or line break throws. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  records.push([...record, field]);
  return records;
}

const arbIso = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms).toISOString());
const arbDuration = fc.option(fc.nat({ max: 10 * 24 * 60 * MIN }), { nil: null });
const arbRow: fc.Arbitrary<SummaryRow> = fc.record({
  incidentKey: fc.tuple(fc.constantFrom('OPS', 'PAY', 'WEB'), fc.nat({ max: 9999 })).map(([p, n]) => `${p}-${n}`),
  projectKey: fc.constantFrom('OPS', 'PAY', 'WEB'),
  title: fc.string({ maxLength: 40, unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", 'é', '😀') }),
  severityLevel: fc.constantFrom<SeverityLevel>(1, 2, 3, 4, 5),
  impactStartedAt: fc.option(arbIso, { nil: null }),
  ttaMs: arbDuration,
  ttrMs: arbDuration,
  impactMs: arbDuration,
  customerImpact: fc.option(fc.boolean(), { nil: null }),
  status: fc.constantFrom('draft' as const, 'in-review' as const, 'published' as const),
  actionsOpen: fc.nat({ max: 20 }),
  actionsOverdue: fc.nat({ max: 5 }),
  actionsClosed: fc.nat({ max: 20 }),
  openItems: fc.constant([]),
  openDueDates: fc.constant([]),
  docVersion: fc.nat({ max: 1000 }),
  tags: fc.array(fc.constantFrom('login', 'db', 'dns', '=cmd'), { maxLength: 3 }),
  pageUrl: fc.option(fc.webUrl(), { nil: null }),
  updatedAt: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
});

describe('shardOf', () => {
  const shard = (impactStartedAt: string | null) => shardOf(row({ incidentKey: 'OPS-1', impactStartedAt }));

  it('puts a row in the UTC half-month its impact started, named by its first day', () => {
    expect(shard('2026-10-01T00:00:00.000Z')).toBe('2026-10-01');
    expect(shard('2026-10-15T23:59:59.999Z')).toBe('2026-10-01');
    expect(shard('2026-10-16T00:00:00.000Z')).toBe('2026-10-16');
    expect(shard('2026-02-28T18:41:00.000Z')).toBe('2026-02-16');
    // 23:30 on 31 Oct in New York is already November in UTC.
    expect(shard('2026-10-31T23:30:00-04:00')).toBe('2026-11-01');
  });

  it("puts a row whose impact start is unknown or unreadable in 'unknown'", () => {
    expect(shard(null)).toBe('unknown');
    expect(shard('last Tuesday')).toBe('unknown');
  });

  it('lists the shards a date range touches, so a page reads those and no others', () => {
    expect(shardsBetween('2026-10-20', '2026-12-01T00:00:00Z')).toStrictEqual(['2026-10-16', '2026-11-01', '2026-11-16', '2026-12-01']);
    expect(shardsBetween('2026-12-20', '2027-01-02')).toStrictEqual(['2026-12-16', '2027-01-01']);
    expect(shardsBetween('2026-12-20', '2026-12-01')).toStrictEqual([]);
    expect(shardsBetween('soon', '2026-12-01')).toStrictEqual([]);
  });

  it('puts every row of a range in one of the shards shardsBetween lists for it', () => {
    fc.assert(
      fc.property(fc.tuple(arbIso, arbIso, arbIso), (times) => {
        const [from, at, to] = times.sort();
        expect(shardsBetween(from, to)).toContain(shard(at));
      }),
    );
  });

  it('keeps every shard under the storage budget with 10,000 reviews over 24 months', () => {
    const shards = new Map<string, SummaryRow[]>();
    for (let i = 0; i < 10_000; i++) {
      // Deterministic spread: every month gets ~417 rows, times vary within the month.
      const start = new Date(Date.UTC(2025, i % 24, 1 + (i % 28), i % 24, (i * 7) % 60)).toISOString();
      const r = row({
        incidentKey: `PRJ${i % 7}-${i}`,
        projectKey: `PRJ${i % 7}`,
        title: `Checkout latency spike after deploy of payments service build ${i} (region eu-west-1)`,
        severityLevel: ((i % 5) + 1) as SeverityLevel,
        impactStartedAt: start,
        ttaMs: i % 9 === 0 ? null : 123_456_789,
        tags: ['payments', 'latency', 'deploy'],
        pageUrl: `https://example-company.atlassian.net/wiki/spaces/INCIDENTS/pages/${1_000_000_000 + i}`,
        updatedAt: 1_790_000_000_000 + i,
      });
      const shard = shardOf(r);
      shards.set(shard, upsertRow(shards.get(shard) ?? [], r));
    }
    expect(shards.size).toBe(48);
    expect([...shards.values()].reduce((n, s) => n + s.length, 0)).toBe(10_000);
    for (const rows of shards.values()) {
      expect(Buffer.byteLength(JSON.stringify(rows), 'utf8')).toBeLessThan(SHARD_BUDGET_BYTES);
    }
  });
});

describe('upsertRow', () => {
  const a = row({ incidentKey: 'OPS-1', impactStartedAt: '2026-10-01T00:00:00Z' });
  const b = row({ incidentKey: 'OPS-2', impactStartedAt: '2026-10-20T00:00:00Z' });
  const c = row({ incidentKey: 'OPS-3', impactStartedAt: null });

  it('inserts a new row, keeping newest impact first and unknown starts last', () => {
    expect(keys(upsertRow(upsertRow(upsertRow([], c), a), b))).toStrictEqual(['OPS-2', 'OPS-1', 'OPS-3']);
  });

  it('replaces the row of the same incident instead of adding a second one', () => {
    const shard = upsertRow([a, b], { ...a, title: 'Renamed', impactStartedAt: '2026-10-25T00:00:00Z' });
    expect(keys(shard)).toStrictEqual(['OPS-1', 'OPS-2']);
    expect(shard[0].title).toBe('Renamed');
  });

  it('does not change the shard it is given', () => {
    const shard = Object.freeze([b, a]);
    upsertRow(shard, { ...a, title: 'Renamed' });
    expect(shard).toStrictEqual([b, a]);
  });

  it('removeRow drops only the named incident', () => {
    expect(keys(removeRow([b, a, c], 'OPS-1'))).toStrictEqual(['OPS-2', 'OPS-3']);
    expect(keys(removeRow([b, a], 'OPS-9'))).toStrictEqual(['OPS-2', 'OPS-1']);
  });
});

describe('filterRows', () => {
  const rows = [
    row({
      incidentKey: 'OPS-1',
      severityLevel: 1,
      impactStartedAt: '2026-09-30T23:59:59Z',
      tags: ['db'],
      status: 'draft',
      actionsOverdue: 0,
    }),
    row({ incidentKey: 'PAY-2', severityLevel: 2, impactStartedAt: '2026-10-01T00:00:00Z', tags: ['login', 'db'], actionsOverdue: 2 }),
    row({
      incidentKey: 'OPS-3',
      severityLevel: 3,
      impactStartedAt: '2026-10-31T22:00:00Z',
      tags: [],
      status: 'in-review',
      actionsOverdue: 0,
    }),
    row({ incidentKey: 'WEB-4', severityLevel: 4, impactStartedAt: null, tags: ['login'], actionsOverdue: 1 }),
  ];

  it('keeps everything with an empty filter, including rows with an unknown impact start', () => {
    expect(keys(filterRows(rows, {}))).toStrictEqual(['OPS-1', 'PAY-2', 'OPS-3', 'WEB-4']);
  });

  it('treats date bounds as inclusive and a date-only `to` as the whole day (UTC)', () => {
    expect(keys(filterRows(rows, { from: '2026-10-01', to: '2026-10-31' }))).toStrictEqual(['PAY-2', 'OPS-3']);
    expect(keys(filterRows(rows, { from: '2026-10-01T00:00:00Z', to: '2026-10-31T22:00:00Z' }))).toStrictEqual(['PAY-2', 'OPS-3']);
    expect(keys(filterRows(rows, { to: '2026-10-31T21:59:59Z' }))).toStrictEqual(['OPS-1', 'PAY-2']);
  });

  it('leaves out rows with an unknown impact start when a date bound is set', () => {
    expect(keys(filterRows(rows, { from: '2000-01-01' }))).not.toContain('WEB-4');
  });

  it('matches nothing when a date bound cannot be read, rather than ignoring it', () => {
    expect(filterRows(rows, { from: 'yesterday' })).toStrictEqual([]);
  });

  it('filters by severity, project, tag and status; empty lists mean any', () => {
    expect(keys(filterRows(rows, { severities: [1, 3] }))).toStrictEqual(['OPS-1', 'OPS-3']);
    expect(keys(filterRows(rows, { projects: ['OPS'] }))).toStrictEqual(['OPS-1', 'OPS-3']);
    expect(keys(filterRows(rows, { tag: 'login' }))).toStrictEqual(['PAY-2', 'WEB-4']);
    expect(keys(filterRows(rows, { status: 'draft' }))).toStrictEqual(['OPS-1']);
    expect(filterRows(rows, { severities: [], projects: [] })).toHaveLength(4);
  });

  it('filters by having overdue countermeasures, either way', () => {
    expect(keys(filterRows(rows, { hasOverdue: true }))).toStrictEqual(['PAY-2', 'WEB-4']);
    expect(keys(filterRows(rows, { hasOverdue: false }))).toStrictEqual(['OPS-1', 'OPS-3']);
  });

  it('combines criteria with AND', () => {
    expect(keys(filterRows(rows, { tag: 'db', projects: ['PAY'], hasOverdue: true }))).toStrictEqual(['PAY-2']);
    expect(filterRows(rows, { tag: 'db', status: 'in-review' })).toStrictEqual([]);
  });
});

describe('sortRows', () => {
  const rows = [
    row({ incidentKey: 'A-1', ttaMs: 5 * MIN, severityLevel: 2, impactStartedAt: '2026-10-02T00:00:00Z' }),
    row({ incidentKey: 'A-2', ttaMs: null, severityLevel: 1, impactStartedAt: null }),
    row({ incidentKey: 'A-3', ttaMs: 2 * MIN, severityLevel: 2, impactStartedAt: '2026-10-03T00:00:00Z' }),
    row({ incidentKey: 'A-4', ttaMs: 5 * MIN, severityLevel: 3, impactStartedAt: 'garbled' }),
    row({ incidentKey: 'A-5', ttaMs: null, severityLevel: 2, impactStartedAt: '2026-10-01T00:00:00Z' }),
  ];

  it('puts unknown values last in both directions', () => {
    expect(keys(sortRows(rows, 'ttaMs', 'asc'))).toStrictEqual(['A-3', 'A-1', 'A-4', 'A-2', 'A-5']);
    expect(keys(sortRows(rows, 'ttaMs', 'desc'))).toStrictEqual(['A-1', 'A-4', 'A-3', 'A-2', 'A-5']);
    expect(keys(sortRows(rows, 'impactStartedAt', 'desc'))).toStrictEqual(['A-3', 'A-1', 'A-5', 'A-2', 'A-4']);
  });

  it('keeps the input order of equal values (stable)', () => {
    expect(keys(sortRows(rows, 'severityLevel', 'asc'))).toStrictEqual(['A-2', 'A-1', 'A-3', 'A-5', 'A-4']);
    expect(keys(sortRows(rows, 'severityLevel', 'desc'))).toStrictEqual(['A-4', 'A-1', 'A-3', 'A-5', 'A-2']);
  });

  it('does not reorder the array it is given', () => {
    const before = keys(rows);
    sortRows(rows, 'ttaMs', 'desc');
    expect(keys(rows)).toStrictEqual(before);
  });

  it('orders every known value and leaves every unknown at the end, for any key and rows', () => {
    const sortKeys: SortKey[] = ['impactStartedAt', 'severityLevel', 'ttaMs', 'ttrMs', 'impactMs', 'actionsOverdue'];
    fc.assert(
      fc.property(
        fc.array(arbRow, { maxLength: 30 }),
        fc.constantFrom(...sortKeys),
        fc.constantFrom('asc' as const, 'desc' as const),
        (rs, key, dir) => {
          const value = (r: SummaryRow) =>
            key === 'impactStartedAt' ? (r.impactStartedAt === null ? null : Date.parse(r.impactStartedAt)) : r[key];
          const values = sortRows(rs, key, dir).map(value);
          const firstNull = values.indexOf(null);
          const knownValues = (firstNull === -1 ? values : values.slice(0, firstNull)) as number[];
          expect(values.slice(knownValues.length).every((v) => v === null)).toBe(true);
          knownValues.slice(1).forEach((v, i) => expect(dir === 'asc' ? v >= knownValues[i] : v <= knownValues[i]).toBe(true));
        },
      ),
    );
  });
});

describe('filterRows then sortRows', () => {
  it('gives a subset of the rows, each row at most once', () => {
    const arbFilter = fc.record(
      {
        from: arbIso,
        to: arbIso,
        severities: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
        projects: fc.array(fc.constantFrom('OPS', 'PAY', 'WEB'), { maxLength: 2 }),
        tag: fc.constantFrom('login', 'db', 'dns'),
        status: fc.constantFrom('draft', 'in-review', 'published'),
        hasOverdue: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), arbFilter, (rs, f) => {
        const out = sortRows(filterRows(rs, f), 'ttrMs', 'desc');
        expect(out.length).toBeLessThanOrEqual(rs.length);
        expect(new Set(out).size).toBe(out.length);
        for (const r of out) expect(rs).toContain(r);
      }),
    );
  });
});

describe('pageRows', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  it('returns the requested 1-based page with the total and page count', () => {
    expect(pageRows(items, 1, 10)).toStrictEqual({ items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], total: 23, pages: 3 });
    expect(pageRows(items, 3, 10)).toStrictEqual({ items: [20, 21, 22], total: 23, pages: 3 });
  });

  it('returns an empty page past the last one, and no pages for no rows', () => {
    expect(pageRows(items, 4, 10)).toStrictEqual({ items: [], total: 23, pages: 3 });
    expect(pageRows([], 1, 10)).toStrictEqual({ items: [], total: 0, pages: 0 });
  });

  it('reads a page or size below 1 or not whole as the nearest sensible whole number', () => {
    expect(pageRows(items, 0, 10).items[0]).toBe(0);
    expect(pageRows(items, 2.7, 10).items[0]).toBe(10);
    expect(pageRows(items, 1, 0)).toStrictEqual({ items: [0], total: 23, pages: 23 });
  });
});

describe('monthlyTrends', () => {
  const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day)).toISOString();

  it('computes the median of an odd and of an even count, and the mean', () => {
    const [oct] = monthlyTrends([
      row({ incidentKey: 'A-1', impactStartedAt: at(10, 1), ttaMs: 1 * MIN, ttrMs: 10 * MIN }),
      row({ incidentKey: 'A-2', impactStartedAt: at(10, 2), ttaMs: 9 * MIN, ttrMs: 20 * MIN }),
      row({ incidentKey: 'A-3', impactStartedAt: at(10, 3), ttaMs: 2 * MIN, ttrMs: 60 * MIN }),
      row({ incidentKey: 'A-4', impactStartedAt: at(10, 4), ttaMs: null, ttrMs: 30 * MIN }),
    ]);
    expect(oct.ttaMedianMs).toBe(2 * MIN); // 1, 2, 9: odd count, middle value; the unknown is left out
    expect(oct.ttaMeanMs).toBe(4 * MIN); // (1 + 2 + 9) / 3, not / 4
    expect(oct.ttrMedianMs).toBe(25 * MIN); // 10, 20, 30, 60: even count, mean of 20 and 30
    expect(oct.ttrMeanMs).toBe(30 * MIN);
  });

  it('never counts an unknown duration as 0, and reports a month with none known as unknown', () => {
    const [oct] = monthlyTrends([
      row({ incidentKey: 'A-1', impactStartedAt: at(10, 1), ttaMs: null, ttrMs: null }),
      row({ incidentKey: 'A-2', impactStartedAt: at(10, 2), ttaMs: null, ttrMs: 8 * MIN }),
    ]);
    expect(oct).toMatchObject({ incidents: 2, ttaMedianMs: null, ttaMeanMs: null, ttrMedianMs: 8 * MIN, ttrMeanMs: 8 * MIN });
  });

  it('counts incidents by severity and countermeasures raised vs closed per month', () => {
    const [oct] = monthlyTrends([
      row({ incidentKey: 'A-1', impactStartedAt: at(10, 1), severityLevel: 1, actionsOpen: 3, actionsOverdue: 2, actionsClosed: 1 }),
      row({ incidentKey: 'A-2', impactStartedAt: at(10, 9), severityLevel: 1, actionsOpen: 0, actionsOverdue: 0, actionsClosed: 4 }),
      row({ incidentKey: 'A-3', impactStartedAt: at(10, 30), severityLevel: 4, actionsOpen: 1, actionsOverdue: 0, actionsClosed: 0 }),
    ]);
    expect(oct.bySeverity).toStrictEqual({ 1: 2, 2: 0, 3: 0, 4: 1, 5: 0 });
    expect(oct.actionsOpened).toBe(9);
    expect(oct.actionsClosed).toBe(5);
  });

  it('lists months oldest first with empty months filled in, and leaves out rows with no impact start', () => {
    const trends = monthlyTrends([
      row({ incidentKey: 'A-1', impactStartedAt: '2027-01-05T00:00:00Z' }),
      row({ incidentKey: 'A-2', impactStartedAt: at(11, 5) }),
      row({ incidentKey: 'A-3', impactStartedAt: null }),
    ]);
    expect(trends.map((t) => [t.month, t.incidents])).toStrictEqual([
      ['2026-11', 1],
      ['2026-12', 0],
      ['2027-01', 1],
    ]);
    expect(trends[1]).toMatchObject({ ttaMedianMs: null, ttrMeanMs: null, actionsOpened: 0, bySeverity: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
    expect(monthlyTrends([row({ incidentKey: 'A-3', impactStartedAt: null })])).toStrictEqual([]);
  });
});

describe('toCsv', () => {
  it('writes a header and one record per row, durations in whole seconds and unknown as empty', () => {
    const csv = toCsv([row({ incidentKey: 'OPS-7', ttaMs: 90_000, ttrMs: null, customerImpact: null, tags: ['login', 'db'] })]);
    const [header, cells] = parseCsv(csv);
    expect(header).toStrictEqual([...CSV_HEADER]);
    const cell = (name: string) => cells[CSV_HEADER.indexOf(name)];
    expect(cell('Incident')).toBe('OPS-7');
    expect(cell('Severity')).toBe('Sev2');
    expect(cell('TTA (seconds)')).toBe('90');
    expect(cell('TTR (seconds)')).toBe('');
    expect(cell('Impact duration (seconds)')).toBe('1260');
    expect(cell('Customer impact')).toBe('');
    expect(cell('Tags')).toBe('login db');
    expect(cell('Updated')).toBe('2026-10-20T09:00:00.000Z');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and separates records with CRLF', () => {
    const csv = toCsv([row({ incidentKey: 'OPS-1', title: 'DB "primary", then\nreplica\r\nfailed' })]);
    expect(csv).toContain(',"DB ""primary"", then\nreplica\r\nfailed",');
    expect(csv.split('\r\n')[0]).toBe(CSV_HEADER.join(','));
    expect(parseCsv(csv)[1][2]).toBe('DB "primary", then\nreplica\r\nfailed');
  });

  it('defuses cells a spreadsheet would run as a formula with a leading single quote', () => {
    const titles = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    const parsed = parseCsv(toCsv(titles.map((title, i) => row({ incidentKey: `OPS-${i}`, title, tags: ['=cmd'] }))));
    expect(parsed.slice(1).map((cells) => cells[2])).toStrictEqual(titles.map((t) => `'${t}`));
    expect(parsed[1][CSV_HEADER.indexOf('Tags')]).toBe("'=cmd");
  });

  it('leaves harmless text untouched, including a quote or formula character later in the cell', () => {
    const [, cells] = parseCsv(toCsv([row({ incidentKey: 'OPS-1', title: "it's a=b -c" })]));
    expect(cells[2]).toBe("it's a=b -c");
  });

  it('has one header plus one record per row, and reads back to the same cells, for any rows', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 20 }), (rs) => {
        const parsed = parseCsv(toCsv(rs));
        expect(parsed).toHaveLength(rs.length + 1);
        expect(parsed).toStrictEqual([[...CSV_HEADER], ...rs.map(csvCells)]);
        // The free text survives, changed only by the formula guard.
        parsed.slice(1).forEach((cells, i) => expect([rs[i].title, `'${rs[i].title}`]).toContain(cells[2]));
        for (const cells of parsed.slice(1)) for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
