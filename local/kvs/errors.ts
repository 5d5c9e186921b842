/**
 * Errors in the shape @forge/kvs expects: a non-2xx response whose JSON body has `code` and
 * `message` (utils/error-handling.js `isForgeError`); any further body fields land in the
 * thrown ForgeKvsAPIError's `context`. The package itself maps only KEY_NOT_FOUND (404) to
 * `undefined` on get/delete; every other code is re-thrown to the app as `error.code`.
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'KvsError';
  }

  toBody(): Record<string, unknown> {
    return { ...this.details, code: this.code, message: this.message };
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) => new KvsError(400, code, message, details);

export const keyNotFound = () => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

/** keyPolicy FAIL_IF_EXISTS on a live key. */
export const keyConflict = (key: string) =>
  new KvsError(409, 'KEY_CONFLICT', `Key '${key}' already exists and keyPolicy is FAIL_IF_EXISTS`, { key });

/** A transaction condition (check, conditional set/delete) that did not hold: nothing was applied. */
export const conditionFailed = (failed: Array<{ key: string; entityName?: string; operation: string }>) =>
  new KvsError(409, 'CONDITIONAL_CHECK_FAILED', 'Transaction cancelled: a condition was not met, no operation was applied', {
    failedConditions: failed,
  });
