import { useId } from 'react';
import type { ReviewStatus } from '../../../../src/contract';
import { Button } from '../components/Button';
import { DatePicker } from '../components/DatePicker';
import { InlineError } from '../components/InlineError';
import { MultiSelect } from '../components/MultiSelect';
import { Select } from '../components/Select';
import { STATUS_LABEL } from '../review-model/labels';
import {
  activeFilterCount,
  NO_FILTERS,
  rangeProblem,
  SEVERITY_LEVELS,
  settledDate,
  withChosen,
  type SummaryFilters,
} from './summary-filters';

interface SummaryFiltersBarProps {
  filters: SummaryFilters;
  onChange: (filters: SummaryFilters) => void;
  /** The range the last answer used, shown while the user has not picked one. */
  shownRange: { from: string; to: string } | null;
  options: { projects: readonly string[]; tags: readonly string[] };
}

const STATUSES = Object.keys(STATUS_LABEL) as ReviewStatus[];

/**
 * An Atlaskit date picker that asks for nothing until a whole date from 1900 on is chosen (typed
 * and confirmed, or picked on the calendar); '' when cleared, so the default range applies again.
 */
function DateFilter({
  id,
  label,
  value,
  onCommit,
  invalid,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  return (
    <div className="pir-field pir-summaries-filters__date">
      <label className="pir-field__label" htmlFor={id}>
        {label}
      </label>
      <DatePicker
        id={id}
        spacing="compact"
        value={value}
        onChange={(v) => settledDate(v) && onCommit(v)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** Date range, severity, project, tag, review status and overdue: every change reloads page 1. */
export function SummaryFiltersBar({ filters, onChange, shownRange, options }: SummaryFiltersBarProps) {
  const id = useId();
  const set = (patch: Partial<SummaryFilters>) => onChange({ ...filters, ...patch });
  const problem = rangeProblem(filters);
  const from = filters.from ?? shownRange?.from ?? '';
  const to = filters.to ?? shownRange?.to ?? '';
  const active = activeFilterCount(filters);
  const errorId = `${id}-range-error`;

  return (
    <form className="pir-summaries-filters" role="search" aria-label="Filter reviews" onSubmit={(event) => event.preventDefault()}>
      <div className="pir-summaries-filters__row">
        <div className="pir-summaries-filters__range" role="group" aria-label="Impact started between">
          <DateFilter
            id={`${id}-from`}
            label="Impact from"
            value={from}
            onCommit={(v) => set({ from: v })}
            invalid={problem !== null}
            describedBy={problem ? errorId : undefined}
          />
          <DateFilter
            id={`${id}-to`}
            label="to"
            value={to}
            onCommit={(v) => set({ to: v })}
            invalid={problem !== null}
            describedBy={problem ? errorId : undefined}
          />
        </div>
        <div className="pir-field pir-summaries-filters__severity">
          <label className="pir-field__label" htmlFor={`${id}-severity`}>
            Severity
          </label>
          <MultiSelect
            id={`${id}-severity`}
            spacing="compact"
            placeholder="All severities"
            values={filters.severities.map(String)}
            onChange={(values) => set({ severities: SEVERITY_LEVELS.filter((level) => values.includes(String(level))) })}
            options={SEVERITY_LEVELS.map((level) => ({ value: String(level), label: `Sev${level}` }))}
          />
        </div>
        <div className="pir-field">
          <label className="pir-field__label" htmlFor={`${id}-project`}>
            Project
          </label>
          <Select
            id={`${id}-project`}
            spacing="compact"
            value={filters.project}
            onChange={(event) => set({ project: event.target.value })}
            options={[
              { value: '', label: 'All projects' },
              ...withChosen(options.projects, filters.project).map((p) => ({ value: p, label: p })),
            ]}
          />
        </div>
        <div className="pir-field">
          <label className="pir-field__label" htmlFor={`${id}-tag`}>
            Tag
          </label>
          <Select
            id={`${id}-tag`}
            spacing="compact"
            value={filters.tag}
            onChange={(event) => set({ tag: event.target.value })}
            options={[{ value: '', label: 'All tags' }, ...withChosen(options.tags, filters.tag).map((t) => ({ value: t, label: t }))]}
          />
        </div>
        <div className="pir-field">
          <label className="pir-field__label" htmlFor={`${id}-status`}>
            Review status
          </label>
          <Select
            id={`${id}-status`}
            spacing="compact"
            value={filters.status}
            onChange={(event) => set({ status: event.target.value as ReviewStatus | '' })}
            options={[{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))]}
          />
        </div>
        <label className="pir-checkbox pir-summaries-filters__overdue">
          <input type="checkbox" checked={filters.hasOverdue} onChange={(event) => set({ hasOverdue: event.target.checked })} />
          Has overdue countermeasures
        </label>
        <Button
          appearance="subtle"
          spacing="compact"
          isDisabled={active === 0}
          onClick={() => onChange(NO_FILTERS)}
          aria-describedby={`${id}-active`}
        >
          Clear filters
        </Button>
        <span className="pir-visually-hidden" id={`${id}-active`}>
          {active === 0 ? 'No filters applied' : `${active} ${active === 1 ? 'filter' : 'filters'} applied`}
        </span>
      </div>
      {problem && <InlineError id={errorId}>{problem}</InlineError>}
    </form>
  );
}
