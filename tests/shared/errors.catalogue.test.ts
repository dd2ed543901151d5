import { ERROR_CODES, ERRORS, isErrorCode, isSyncError, SyncError } from "../../src/shared/errors";

test("every code follows SYNC_ERR_<AREA>_<WHAT> and has a message and a status", () => {
  expect(ERROR_CODES.length).toBeGreaterThan(20);
  for (const code of ERROR_CODES) {
    expect(code).toMatch(/^SYNC_ERR_[A-Z]+(_[A-Z]+)*$/);
    expect(ERRORS[code].message.length).toBeGreaterThan(10);
    const status = ERRORS[code].status;
    expect(status === 0 || (status >= 400 && status < 600)).toBe(true);
  }
});

test("SyncError carries the catalogue's status and retryable flag", () => {
  const error = new SyncError("SYNC_ERR_RATE_LIMITED");
  expect(error.status).toBe(429);
  expect(error.retryable).toBe(true);
  expect(error.message).toBe(ERRORS.SYNC_ERR_RATE_LIMITED.message);
  expect(isSyncError(error)).toBe(true);
  expect(isSyncError(new Error("x"))).toBe(false);
  expect(isErrorCode("SYNC_ERR_NOPE")).toBe(false);
});
