import {
  addRelation,
  buildUpdatePatch,
  fieldOperations,
  fieldPath,
  fieldsOfPatch,
} from "../../../src/server/work-items/json-patch";

describe("JSON Patch building", () => {
  it("builds an array of {op, path, value} with field reference names", () => {
    const patch = buildUpdatePatch(
      { "System.Title": "New title", "Microsoft.VSTS.Common.Priority": 2, "System.Tags": null },
      { rev: 67 },
    );
    expect(Array.isArray(patch)).toBe(true);
    expect(patch).toEqual([
      { op: "test", path: "/rev", value: 67 },
      { op: "add", path: "/fields/System.Title", value: "New title" },
      { op: "add", path: "/fields/Microsoft.VSTS.Common.Priority", value: 2 },
      { op: "remove", path: "/fields/System.Tags" },
    ]);
  });

  it("refuses display names in paths", () => {
    expect(() => fieldPath("Assigned To")).toThrow(/reference name/);
    expect(fieldPath("Custom.My_Field")).toBe("/fields/Custom.My_Field");
  });

  it("appends relations with add /relations/-", () => {
    expect(addRelation({ rel: "AttachedFile", url: "http://x/a/1" })).toEqual({
      op: "add",
      path: "/relations/-",
      value: { rel: "AttachedFile", url: "http://x/a/1" },
    });
  });

  it("reads field changes back from a patch", () => {
    const ops = [...fieldOperations({ "System.Title": "T", "System.AssignedTo": null })];
    expect(fieldsOfPatch(ops)).toEqual({ "System.Title": "T", "System.AssignedTo": null });
  });
});
