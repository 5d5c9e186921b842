import { useCallback, useEffect, useRef } from 'react';
import type { SummaryQuery } from '../../../../src/contract';
import { Button } from '../components/Button';
import { DownloadLink } from '../components/DownloadLink';
import { InlineError } from '../components/InlineError';
import { useFileDownload } from '../hooks/useFileDownload';
import { useSummariesCsv, type CsvExport } from '../hooks/useSummaries';
import { plural } from './summary-format';

interface ExportCsvProps {
  /** The current filters and sort, every page; null while the filters are invalid. */
  query: Omit<SummaryQuery, 'page' | 'pageSize'> | null;
}

/** "Export CSV": the filtered table downloaded in one click, then offered again as a link with how many rows it holds. */
export function ExportCsv({ query }: ExportCsvProps) {
  const { file: exported, offer, clear } = useFileDownload<CsvExport>();
  const onExported = useCallback(
    // A BOM so spreadsheet apps read the UTF-8 titles correctly.
    (file: CsvExport) => offer(file, ['\uFEFF', file.csv], 'text/csv;charset=utf-8'),
    [offer],
  );
  const run = useSummariesCsv(onExported);
  // A file of other filters would mislead: it goes when the filters change.
  const key = JSON.stringify(query);
  useEffect(() => clear(), [key, clear]);
  // One click downloads: the file made for this click is saved at once; the link stays to save it again.
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!exported || started.current === exported.url || !exported.url.startsWith('blob:')) return;
    started.current = exported.url;
    const link = document.createElement('a');
    link.href = exported.url;
    link.download = exported.filename;
    link.click();
  }, [exported]);

  return (
    <div className="pir-summaries-export">
      <Button isLoading={run.busy} isDisabled={query === null} onClick={() => query && void run.run(query)}>
        Export CSV
      </Button>
      {exported && (
        <p className="pir-summaries-export__result" role="status">
          <DownloadLink file={exported} />
          <span className="pir-subtle">{` (${plural(exported.rows, 'row')})`}</span>
        </p>
      )}
      {run.error && <InlineError>{`Couldn't export: ${run.error.message}`}</InlineError>}
    </div>
  );
}
