import { describeError, errorText, HUB_ERROR_TEXT } from "../../src/hub/errorText";
import { ERROR_CODES, ERRORS, SyncError } from "../../src/shared/errors";

test.each(ERROR_CODES)("%s has text in the hub", (code) => {
  const text = errorText(code);
  expect(text.trim().length).toBeGreaterThan(10);
  expect(text).toBe(HUB_ERROR_TEXT[code] ?? ERRORS[code].message);
});

test("the hub's own texts are only for catalogued codes", () => {
  for (const code of Object.keys(HUB_ERROR_TEXT)) expect(ERROR_CODES).toContain(code);
});

test("describeError prefers hub text, then the node's message, then the catalogue", () => {
  expect(describeError(new SyncError("SYNC_ERR_CLIENT_NETWORK", "x")).text).toBe(
    HUB_ERROR_TEXT.SYNC_ERR_CLIENT_NETWORK,
  );
  expect(describeError(new SyncError("SYNC_ERR_REQUEST_INVALID", "name: too long")).text).toBe(
    "name: too long",
  );
  expect(describeError(new Error("boom")).code).toBe("SYNC_ERR_CLIENT_NETWORK");
});

test("an invalid request names the field and issue from the node's details", () => {
  const error = new SyncError("SYNC_ERR_REQUEST_INVALID", undefined, {
    field: "replica",
    location: "body",
    issue: "must have required property 'summary'",
  });
  expect(describeError(error).text).toBe(
    "The request is not valid. Field \"replica\": must have required property 'summary'.",
  );
  const nested = new SyncError("SYNC_ERR_REQUEST_INVALID", undefined, {
    field: "replica",
    path: "replica/priority",
    issue: "must be integer",
  });
  expect(describeError(nested).text).toContain('Field "replica/priority": must be integer.');
  // A node message that names the issue already gets no second copy.
  const named = new SyncError(
    "SYNC_ERR_REQUEST_INVALID",
    "The request is not valid: replica must have required property 'summary'.",
    { field: "replica", path: "replica", issue: "must have required property 'summary'" },
  );
  expect(describeError(named).text).toBe(
    "The request is not valid: replica must have required property 'summary'.",
  );
  // Details without an issue (a script's line, a status) add nothing.
  expect(describeError(new SyncError("SYNC_ERR_SCRIPT_RUNTIME", "failed", { line: 3 })).text).toBe(
    "failed",
  );
});
