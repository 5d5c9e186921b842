import { useCallback, useEffect, useState } from 'react';

/** A generated file with the object URL a download link points at. */
export type Downloadable<T extends { filename: string }> = T & { url: string };

export interface FileDownload<T extends { filename: string }> {
  /** The file on offer, or null before the first and after `clear`. */
  file: Downloadable<T> | null;
  /** Offers `parts` as a Blob of `type`, described by `details`; replaces the file on offer. */
  offer: (details: T, parts: BlobPart[], type: string) => void;
  clear: () => void;
}

/**
 * A file made in the browser and offered as a download link. Each object URL is released when the
 * next file replaces it, on `clear`, or when the component leaves, so repeated exports leak nothing.
 */
export function useFileDownload<T extends { filename: string }>(): FileDownload<T> {
  const [file, setFile] = useState<Downloadable<T> | null>(null);
  const offer = useCallback((details: T, parts: BlobPart[], type: string) => {
    setFile({ ...details, url: URL.createObjectURL(new Blob(parts, { type })) });
  }, []);
  const clear = useCallback(() => setFile(null), []);
  useEffect(() => (file ? () => URL.revokeObjectURL(file.url) : undefined), [file]);
  return { file, offer, clear };
}
