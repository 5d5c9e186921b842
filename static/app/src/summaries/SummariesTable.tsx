import type { ReactNode } from 'react';
import type { SummaryRow, SummarySortKey } from '../../../../src/contract';
import { Button } from '../components/Button';
import { Lozenge } from '../components/Lozenge';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { TopLink } from '../components/TopLink';
import { useAppContext } from '../hooks/useAppContext';
import { formatDay } from './format-day';
import { STATUS_APPEARANCE, STATUS_LABEL } from '../review-model/labels';
import { dayKeyOf, formatTimeOfDay } from '../timeline-model/zoned-time';
import type { TableState } from './summary-filters';
import { customerImpactCell, durationCell, issueUrl, severityOfLevel, type CellText } from './summary-format';

interface SummariesTableProps {
  rows: readonly SummaryRow[];
  sort: Pick<TableState, 'sort' | 'dir'>;
  onSort: (key: SummarySortKey) => void;
  onOpen: (incidentKey: string) => void;
  /** The element that describes the table (count, range, time zone). */
  captionId: string;
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className = '',
}: {
  label: ReactNode;
  sortKey: SummarySortKey;
  sort: SummariesTableProps['sort'];
  onSort: (key: SummarySortKey) => void;
  className?: string;
}) {
  const active = sort.sort === sortKey;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={`pir-summaries-table__sortable ${className}`}>
      <button type="button" className="pir-summaries-sort" onClick={() => onSort(sortKey)} data-sort-key={sortKey}>
        <span>{label}</span>
        <svg
          className={`pir-summaries-sort__icon${active ? ` pir-summaries-sort__icon--${sort.dir}` : ''}`}
          viewBox="0 0 16 16"
          aria-hidden="true"
          focusable="false"
        >
          <path className="pir-summaries-sort__up" d="M8 3 4.5 7h7z" />
          <path className="pir-summaries-sort__down" d="M8 13 4.5 9h7z" />
        </svg>
      </button>
    </th>
  );
}

/** "—" read aloud as its label ("unknown"): a bare dash says nothing to a screen reader. */
function Cell({ value }: { value: CellText }) {
  if (value.text === value.label) return <>{value.text}</>;
  return (
    <>
      <span aria-hidden="true" className="pir-subtle">
        {value.text}
      </span>
      <span className="pir-visually-hidden">{value.label}</span>
    </>
  );
}

function ImpactStart({ iso }: { iso: string | null }) {
  const { locale, timezone } = useAppContext();
  if (!iso) return <Cell value={{ text: '—', label: 'unknown' }} />;
  return (
    <time dateTime={iso} className="pir-summaries-table__when">
      <span>{formatDay(dayKeyOf(iso, timezone), locale)}</span>
      <span className="pir-subtle">{formatTimeOfDay(iso, locale, timezone)}</span>
    </time>
  );
}

/** One line per review: the incident, its severity and durations, customer impact, status and countermeasures. */
export function SummariesTable({ rows, sort, onSort, onOpen, captionId }: SummariesTableProps) {
  const { siteUrl } = useAppContext();
  const header = (label: ReactNode, key: SummarySortKey, className?: string) => (
    <SortHeader label={label} sortKey={key} sort={sort} onSort={onSort} className={className} />
  );
  return (
    <table className="pir-summaries-table" aria-describedby={captionId}>
      <thead>
        <tr>
          <th scope="col" className="pir-summaries-table__key">
            Incident
          </th>
          <th scope="col" className="pir-summaries-table__title">
            Title
          </th>
          {header('Severity', 'severityLevel', 'pir-summaries-col--severity')}
          {header('Impact started', 'impactStartedAt')}
          {header(<abbr title="Time to acknowledge">TTA</abbr>, 'ttaMs', 'pir-summaries-table__num')}
          {header(<abbr title="Time to recover">TTR</abbr>, 'ttrMs', 'pir-summaries-table__num')}
          {header('Impact', 'impactMs', 'pir-summaries-table__num pir-summaries-col--impact')}
          <th scope="col" className="pir-summaries-col--customer">
            Customer impact
          </th>
          <th scope="col" className="pir-summaries-col--review">
            Review
          </th>
          {header(
            <>
              Actions <span className="pir-summaries-table__sub">open / overdue</span>
            </>,
            'actionsOverdue',
            'pir-summaries-table__num',
          )}
          <th scope="col" className="pir-summaries-col--confluence">
            Confluence
          </th>
          <th scope="col">
            <span className="pir-visually-hidden">Printable summary</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.incidentKey} data-incident-key={row.incidentKey}>
            <th scope="row" className="pir-summaries-table__key">
              <TopLink href={issueUrl(siteUrl, row.incidentKey)}>{row.incidentKey}</TopLink>
              {/* Where the page is narrow, the title and severity columns fold into this cell (summaries-fit.css). */}
              <span className="pir-summaries-table__folded">
                <SeverityLozenge severity={severityOfLevel(row.severityLevel)} />
                <span className="pir-summaries-table__folded-title">{row.title}</span>
              </span>
            </th>
            <td className="pir-summaries-table__title">
              <span className="pir-summaries-table__title-text" title={row.title}>
                {row.title}
              </span>
            </td>
            <td className="pir-summaries-col--severity">
              <SeverityLozenge severity={severityOfLevel(row.severityLevel)} />
            </td>
            <td>
              <ImpactStart iso={row.impactStartedAt} />
            </td>
            <td className="pir-summaries-table__num">
              <Cell value={durationCell(row.ttaMs)} />
            </td>
            <td className="pir-summaries-table__num">
              <Cell value={durationCell(row.ttrMs)} />
            </td>
            <td className="pir-summaries-table__num pir-summaries-col--impact">
              <Cell value={durationCell(row.impactMs)} />
            </td>
            <td className="pir-summaries-col--customer">
              <Cell value={customerImpactCell(row.customerImpact)} />
            </td>
            <td className="pir-summaries-col--review">
              <Lozenge appearance={STATUS_APPEARANCE[row.status]}>{STATUS_LABEL[row.status]}</Lozenge>
            </td>
            <td className="pir-summaries-table__num">
              <span aria-hidden="true">
                {row.actionsOpen}
                <span className="pir-subtle"> / </span>
                <span className={row.actionsOverdue > 0 ? 'pir-summaries-overdue-count' : undefined}>{row.actionsOverdue}</span>
              </span>
              <span className="pir-visually-hidden">{`${row.actionsOpen} open, ${row.actionsOverdue} overdue`}</span>
            </td>
            <td className="pir-summaries-col--confluence">
              {row.pageUrl ? (
                <TopLink href={row.pageUrl}>
                  Report<span className="pir-visually-hidden">{` for ${row.incidentKey} in Confluence`}</span>
                </TopLink>
              ) : (
                <Cell value={{ text: '—', label: 'not published' }} />
              )}
            </td>
            <td className="pir-summaries-table__action">
              <Button spacing="compact" onClick={() => onOpen(row.incidentKey)} data-summary-key={row.incidentKey}>
                Summary<span className="pir-visually-hidden">{` of ${row.incidentKey}`}</span>
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
