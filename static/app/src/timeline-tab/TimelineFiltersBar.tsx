import { Button } from '../components/Button';
import { Select, type SelectChange } from '../components/Select';
import { IMPACT_LABEL, PHASE_LABEL, keysOf } from '../timeline-model/labels';
import { activeFilterCount, NO_FILTERS, type Option, type TimelineFilters } from '../timeline-model/timeline-filters';

interface TimelineFiltersBarProps {
  filters: TimelineFilters;
  onChange: (filters: TimelineFilters) => void;
  sources: readonly Option[];
  people: readonly Option[];
}

const annotated = (labels: Record<string, string>, any: string) => [
  { value: '', label: any },
  ...keysOf(labels).map((value) => ({ value, label: labels[value] ?? value })),
  { value: 'none', label: 'Not annotated' },
];
const PHASES = annotated(PHASE_LABEL, 'All phases');
const IMPACTS = annotated(IMPACT_LABEL, 'Any impact');

/** Compact filters over the timeline: text, phase, impact, source, people. */
export function TimelineFiltersBar({ filters, onChange, sources, people }: TimelineFiltersBarProps) {
  const set = (field: keyof TimelineFilters) => (event: SelectChange) => onChange({ ...filters, [field]: event.target.value });
  return (
    <div className="pir-filters" role="search" aria-label="Filter the timeline">
      <input
        className="pir-input pir-filters__search"
        type="search"
        placeholder="Search entries"
        aria-label="Search entries"
        value={filters.text}
        onChange={set('text')}
      />
      <Select spacing="compact" aria-label="Phase" options={PHASES} value={filters.phase} onChange={set('phase')} />
      <Select spacing="compact" aria-label="Impact" options={IMPACTS} value={filters.impact} onChange={set('impact')} />
      <Select
        spacing="compact"
        aria-label="Source"
        options={[{ value: '', label: 'All sources' }, ...sources]}
        value={filters.source}
        onChange={set('source')}
      />
      <Select
        spacing="compact"
        aria-label="People"
        options={[{ value: '', label: 'Everyone' }, ...people]}
        value={filters.person}
        onChange={set('person')}
      />
      {activeFilterCount(filters) > 0 && (
        <Button appearance="subtle" spacing="compact" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
