import type { AppError, ErrorCode } from '../contract';

/** An expected failure carrying the typed error the UI shows; anything else is a bug. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppFailure';
  }

  toAppError(): AppError {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}
