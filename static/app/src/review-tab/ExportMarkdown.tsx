import { useState } from 'react';
import { Button } from '../components/Button';
import { DownloadLink } from '../components/DownloadLink';
import { InlineError } from '../components/InlineError';
import { useAction } from '../hooks/useAction';
import { useFileDownload } from '../hooks/useFileDownload';

/** "Export Markdown": saves if needed, then offers the file as a download and a copy button. */
export function ExportMarkdown({ exportMarkdown }: { exportMarkdown: () => Promise<{ filename: string; markdown: string } | null> }) {
  const { file: exported, offer } = useFileDownload<{ filename: string; markdown: string }>();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [notSaved, setNotSaved] = useState(false);
  const run = useAction(async () => {
    const answer = await exportMarkdown();
    setNotSaved(!answer);
    if (!answer) return;
    setCopied(null);
    offer(answer, [answer.markdown], 'text/markdown;charset=utf-8');
  });

  const copy = () => {
    if (!exported) return;
    navigator.clipboard.writeText(exported.markdown).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  return (
    <div className="pir-export">
      <Button isLoading={run.busy} onClick={() => void run.run()}>
        Export Markdown
      </Button>
      {exported && (
        <div className="pir-export__result" role="status">
          <DownloadLink file={exported} />
          <Button spacing="compact" onClick={copy}>
            Copy
          </Button>
          <span className="pir-subtle" aria-live="polite">
            {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying is blocked here: use the download.' : ''}
          </span>
        </div>
      )}
      {run.error && <InlineError>{`Couldn't export: ${run.error.message}`}</InlineError>}
      {notSaved && !run.busy && <InlineError>Not exported: save the review first (see the message at the top).</InlineError>}
    </div>
  );
}
