import type { AppError, ErrorCode, Result } from '../../../src/contract';

/** What a failed resolver call or bridge call becomes in the UI: always an AppError's code and message. */
export class AppRequestError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppRequestError';
    this.code = error.code;
    this.fields = error.fields;
  }
}

export const BRIDGE_FAILURE_MESSAGE = "We couldn't reach Post-Incident Review just now. Check your connection and try again.";
export const UNEXPECTED_RESPONSE_MESSAGE = 'Post-Incident Review sent a response this view does not understand.';

const ERROR_CODES: readonly ErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UPSTREAM', 'NOT_CONNECTED', 'INTERNAL'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isAppError(value: unknown): value is AppError {
  return isRecord(value) && typeof value['message'] === 'string' && ERROR_CODES.includes(value['code'] as ErrorCode);
}

/**
 * Unwraps a resolver's `Result<T>`: data on `ok: true`, an AppRequestError on `ok: false`.
 * The payload's inner shape is the backend's promise (one contract); only the envelope is checked.
 */
export function unwrapResult<T>(response: unknown): T {
  if (isRecord(response) && response['ok'] === true && 'data' in response) {
    return (response as { ok: true; data: T }).data;
  }
  if (isRecord(response) && response['ok'] === false && isAppError(response['error'])) {
    throw new AppRequestError((response as Extract<Result<T>, { ok: false }>).error);
  }
  throw new AppRequestError({ code: 'INTERNAL', message: UNEXPECTED_RESPONSE_MESSAGE });
}

/** Anything thrown on the way to or from the resolver that is not already an AppRequestError. */
export function toAppRequestError(error: unknown): AppRequestError {
  if (error instanceof AppRequestError) return error;
  return new AppRequestError({ code: 'UPSTREAM', message: BRIDGE_FAILURE_MESSAGE });
}
