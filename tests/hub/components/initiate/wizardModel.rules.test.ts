import {
  defaultConnectionName,
  EMPTY_FIELDS,
  toInitiateRequest,
  updateFields,
  validateStep,
} from "../../../../src/hub/components/initiate/wizardModel";

test("the default name is <local>_to_<destination>, and only once both are known", () => {
  expect(defaultConnectionName("a", "b")).toBe("a_to_b");
  expect(defaultConnectionName("a", "")).toBe("");
  const fields = updateFields(EMPTY_FIELDS, { localShortName: "x", remoteShortName: "y" });
  expect(fields.name).toBe("x_to_y");
  const edited = updateFields(fields, { name: "mine", nameEdited: true });
  expect(updateFields(edited, { remoteShortName: "z" }).name).toBe("mine");
});

test("a complete set of fields passes every step and makes the request", () => {
  const fields = updateFields(EMPTY_FIELDS, {
    destinationUrl: " http://127.0.0.1:3021/ ",
    mode: "script",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    project: { id: "p", name: "Alpha" },
  });
  for (const step of [
    "destination",
    "mode",
    "shortNames",
    "name",
    "project",
    "initiate",
  ] as const) {
    expect(validateStep(step, fields)).toEqual({});
  }
  expect(toInitiateRequest(fields)).toEqual({
    destinationUrl: "http://127.0.0.1:3021",
    mode: "script",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    name: "contoso_to_fabrikam",
    description: "",
    incomingProject: { id: "p", name: "Alpha" },
  });
});

test("toInitiateRequest refuses incomplete fields", () => {
  expect(() => toInitiateRequest(EMPTY_FIELDS)).toThrow("incomplete");
});

test("a connection name may use letters of any script", () => {
  const fields = updateFields(EMPTY_FIELDS, { name: "Café sync", nameEdited: true });
  expect(validateStep("name", fields).name).toBeUndefined();
  expect(validateStep("name", { ...fields, name: "sync;" }).name).toBeDefined();
});
