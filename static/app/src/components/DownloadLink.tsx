/**
 * The link to a file made in the browser, named by its file name. Its URL is the object URL this
 * frame made with `URL.createObjectURL` (`useFileDownload`), never a URL from data, so it is the one
 * link outside the http(s) policy of `safe-url.ts`; anything but a `blob:` URL is refused all the same.
 */
export function DownloadLink({ file }: { file: { url: string; filename: string } }) {
  if (!file.url.startsWith('blob:')) return null;
  return (
    <a className="pir-link" href={file.url} download={file.filename}>
      {`Download ${file.filename}`}
    </a>
  );
}
