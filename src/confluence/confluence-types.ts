/** The parts of Confluence v2 JSON the adapter reads (confluence-v2.openapi.json). */
export interface SpaceJson {
  id: string;
  key: string;
  name: string;
}

export interface PageJson {
  id: string;
  title: string;
  spaceId: string;
  status?: string;
  parentId?: string | null;
  version?: { number: number };
  /** `base` comes with single-page answers only (GET/POST/PUT /pages…). */
  _links?: { base?: string; webui?: string };
}

/** ChildPage of GET /pages/{id}/children. */
export interface ChildPageJson {
  id: string;
  title: string;
  spaceId?: string;
}

/** Every v2 listing: results plus a relative `next` link carrying the cursor. */
export interface MultiEntityJson<T> {
  results: T[];
  _links?: { next?: string };
}
