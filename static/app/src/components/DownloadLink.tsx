/** The link to a file made in the browser, named by its file name. */
export function DownloadLink({ file }: { file: { url: string; filename: string } }) {
  return (
    <a className="pir-link" href={file.url} download={file.filename}>
      {`Download ${file.filename}`}
    </a>
  );
}
