import { badRequest } from './errors';

/** Cursors are opaque to callers: base64url JSON of the last position returned. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string, isValid: (v: unknown) => v is T): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!isValid(decoded)) throw badRequest('INVALID_CURSOR', 'The cursor is not one this store returned');
  return decoded;
}
