import { useId } from 'react';
import { Button } from '../components/Button';
import { Select } from '../components/Select';
import { PAGE_SIZES } from './summary-filters';
import { plural } from './summary-format';

interface PagerProps {
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}

const SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }));

/** Previous / Next, where we are, how many in all, and how many per page. */
export function Pager({ page, pages, total, pageSize, onPage, onPageSize }: PagerProps) {
  const id = useId();
  const last = Math.max(pages, 1);
  return (
    <nav className="pir-summaries-pager" aria-label="Pages of reviews">
      <span className="pir-summaries-pager__total pir-subtle">{plural(total, 'review')}</span>
      <div className="pir-summaries-pager__moves">
        <Button spacing="compact" appearance="subtle" isDisabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <span className="pir-summaries-pager__where" aria-live="polite">{`Page ${Math.min(page, last)} of ${last}`}</span>
        <Button spacing="compact" appearance="subtle" isDisabled={page >= last} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
      <div className="pir-summaries-pager__size">
        <label className="pir-subtle" htmlFor={`${id}-size`}>
          Per page
        </label>
        <Select
          id={`${id}-size`}
          spacing="compact"
          options={SIZE_OPTIONS}
          value={String(pageSize)}
          onChange={(event) => onPageSize(Number(event.target.value))}
        />
      </div>
    </nav>
  );
}
