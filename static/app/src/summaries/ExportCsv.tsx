import { useCallback, useEffect, useState } from 'react';
import type { SummaryQuery } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useSummariesCsv, type CsvExport } from '../hooks/useSummaries';
import { plural } from './summary-format';

interface ExportCsvProps {
  /** The current filters and sort, every page; null while the filters are invalid. */
  query: Omit<SummaryQuery, 'page' | 'pageSize'> | null;
}

/** "Export CSV": the filtered table as a file to download, with how many rows it holds. */
export function ExportCsv({ query }: ExportCsvProps) {
  const [exported, setExported] = useState<(CsvExport & { url: string }) | null>(null);
  const onExported = useCallback((file: CsvExport) => {
    // A BOM so spreadsheet apps read the UTF-8 titles correctly.
    const url = URL.createObjectURL(new Blob(['\uFEFF', file.csv], { type: 'text/csv;charset=utf-8' }));
    setExported({ ...file, url });
  }, []);
  const run = useSummariesCsv(onExported);
  // Each export's object URL is released when the next one replaces it, or on leaving.
  useEffect(() => (exported ? () => URL.revokeObjectURL(exported.url) : undefined), [exported]);
  // A file of other filters would mislead: it goes when the filters change.
  const key = JSON.stringify(query);
  useEffect(() => setExported(null), [key]);

  return (
    <div className="pir-summaries-export">
      <Button isLoading={run.busy} isDisabled={query === null} onClick={() => query && void run.run(query)}>
        Export CSV
      </Button>
      {exported && (
        <p className="pir-summaries-export__result" role="status">
          <a className="pir-link" href={exported.url} download={exported.filename}>
            {`Download ${exported.filename}`}
          </a>
          <span className="pir-subtle">{` (${plural(exported.rows, 'row')})`}</span>
        </p>
      )}
      {run.error && <InlineError>{`Couldn't export: ${run.error.message}`}</InlineError>}
    </div>
  );
}
