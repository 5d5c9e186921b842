import {
  AppRequestError,
  BRIDGE_FAILURE_MESSAGE,
  UNEXPECTED_RESPONSE_MESSAGE,
  toAppRequestError,
  unwrapResult,
} from '../../static/app/src/app-error';

describe('unwrapResult', () => {
  it('returns the data of an ok result', () => {
    expect(unwrapResult<{ key: string }>({ ok: true, data: { key: 'INC-1' } })).toStrictEqual({ key: 'INC-1' });
  });

  it('throws the AppError code, message and fields of a failed result', () => {
    const failed = {
      ok: false,
      error: { code: 'VALIDATION', message: 'Issue key is invalid.', fields: { issueKey: 'Use a key like INC-1.' } },
    };
    let thrown: unknown;
    try {
      unwrapResult(failed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppRequestError);
    expect(thrown).toMatchObject({ code: 'VALIDATION', message: 'Issue key is invalid.', fields: { issueKey: 'Use a key like INC-1.' } });
  });

  it.each([[undefined], [null], ['ok'], [{ data: 1 }], [{ ok: false, error: { code: 'TEAPOT', message: 'x' } }], [{ ok: false }]])(
    'treats %p as an unexpected response rather than data',
    (response) => {
      expect(() => unwrapResult(response)).toThrow(UNEXPECTED_RESPONSE_MESSAGE);
    },
  );
});

describe('toAppRequestError', () => {
  it('keeps an AppRequestError as it is', () => {
    const error = new AppRequestError({ code: 'NOT_FOUND', message: 'Gone' });
    expect(toAppRequestError(error)).toBe(error);
  });

  it('turns any other failure into UPSTREAM with a friendly message, not the raw error text', () => {
    const error = toAppRequestError(new Error('ECONNRESET at Socket.onread (net.js:1:1)'));
    expect(error.code).toBe('UPSTREAM');
    expect(error.message).toBe(BRIDGE_FAILURE_MESSAGE);
  });
});
