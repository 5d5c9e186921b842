import { adfToStorage } from './adf/adf-to-storage';
import { storageToAdf } from './adf/storage-to-adf';
import type { AdfNode } from './adf/types';
import { renderStorageToHtml, type RenderHooks } from './render/storage-render';
import type { BodyRepresentation } from './store';

export type ReadFormat = BodyRepresentation | 'view';

/** A page's body as written. */
export interface StoredBody {
  body_representation: BodyRepresentation;
  body_value: string;
}

/** Storage format of a body, converting ADF when the page was written in ADF. */
export function storageOf(b: StoredBody): string {
  if (b.body_representation === 'storage') return b.body_value;
  try {
    return adfToStorage(JSON.parse(b.body_value) as AdfNode).storage;
  } catch {
    return '';
  }
}

/** The body in the requested representation: the stored value, or a conversion (see README). */
export function readBody(b: StoredBody, format: ReadFormat, hooks: RenderHooks): { representation: string; value: string } {
  if (format === b.body_representation) return { representation: format, value: b.body_value };
  if (format === 'atlas_doc_format') return { representation: format, value: JSON.stringify(storageToAdf(b.body_value).doc) };
  if (format === 'storage') return { representation: format, value: storageOf(b) };
  return { representation: 'view', value: renderStorageToHtml(storageOf(b), hooks) };
}
