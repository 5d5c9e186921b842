import { Button } from '../../components/Button';
import { DownloadLink } from '../../components/DownloadLink';
import { useFileDownload } from '../../hooks/useFileDownload';

/** "Download CSV" for one chart: the file is made from the data the chart shows, in the browser. */
export function InsightDownload({ filename, what, csv }: { filename: string; what: string; csv: () => string }) {
  const download = useFileDownload<{ filename: string }>();
  return (
    <div className="pir-insights__download">
      <Button
        spacing="compact"
        aria-label={`Make a CSV file of ${what}`}
        onClick={() => download.offer({ filename }, ['\uFEFF', csv()], 'text/csv;charset=utf-8')}
      >
        CSV
      </Button>
      {download.file && <DownloadLink file={download.file} />}
    </div>
  );
}
