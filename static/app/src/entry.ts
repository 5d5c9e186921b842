/**
 * Which entry of the bundle the host loaded. The macro's custom config view is the same bundle
 * served from a second resource (`dist/macro-config`, see vite.config.mts) whose index.html says
 * `data-pir-entry="macro-config"`: Forge gives the config view the macro's own module key and
 * context, so the page itself has to say it is the config view.
 */
export type Entry = 'main' | 'macro-config';

export function currentEntry(doc: Pick<Document, 'documentElement'> | undefined = globalThis.document): Entry {
  return doc?.documentElement.getAttribute('data-pir-entry') === 'macro-config' ? 'macro-config' : 'main';
}
