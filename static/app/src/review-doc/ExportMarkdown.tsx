import { useEffect, useState } from 'react';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useAction } from '../hooks/useAction';

interface Exported {
  filename: string;
  markdown: string;
  url: string;
}

/** "Export Markdown": saves if needed, then offers the file as a download and a copy button. */
export function ExportMarkdown({ exportMarkdown }: { exportMarkdown: () => Promise<{ filename: string; markdown: string } | null> }) {
  const [exported, setExported] = useState<Exported | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [notSaved, setNotSaved] = useState(false);
  const run = useAction(async () => {
    const answer = await exportMarkdown();
    setNotSaved(!answer);
    if (!answer) return;
    const url = URL.createObjectURL(new Blob([answer.markdown], { type: 'text/markdown;charset=utf-8' }));
    setCopied(null);
    setExported({ ...answer, url });
  });
  // Each export's object URL is released when the next one replaces it, or on leaving.
  useEffect(() => (exported ? () => URL.revokeObjectURL(exported.url) : undefined), [exported]);

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
          <a className="pir-link" href={exported.url} download={exported.filename}>
            {`Download ${exported.filename}`}
          </a>
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
