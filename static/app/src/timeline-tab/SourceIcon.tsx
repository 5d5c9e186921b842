import type { EntrySource } from '../../../../src/contract';

const LINK = 'M7 9a3 3 0 0 0 4.2 0l2-2a3 3 0 0 0-4.2-4.2l-.6.6M9 7a3 3 0 0 0-4.2 0l-2 2A3 3 0 0 0 7 13.2l.6-.6';

const PATHS: Record<EntrySource, string> = {
  created: 'M8 4.5v7M4.5 8h7M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13Z',
  comment: 'M2.5 3h11v8H6.5l-3 2.5V11h-1Z',
  status: 'M2.5 5.5h9L9 3M13.5 10.5h-9L7 13',
  assignment: 'M8 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM3 14c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5',
  priority: 'M8 13.5v-11M4 6.5l4-4 4 4',
  resolution: 'M3 8.5 6.5 12 13 4.5',
  link: LINK,
  'remote-link': LINK,
  field: 'M3 13l.8-3.2L10.5 3 13 5.5 6.2 12.2Z',
  manual: 'M4 1.5h5.5L12.5 4.5v10H4ZM6.5 8h4M6.5 11h4',
};

/** A 16px line icon per entry source; decorative, the source is also written out. */
export function SourceIcon({ source }: { source: EntrySource }) {
  return (
    <svg className={`pir-source-icon pir-source-icon--${source}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[source]} />
    </svg>
  );
}
