/**
 * The host's encoding of frame protocol values (microsoft/azure-devops-extension-sdk
 * `src/XDM.ts`): functions become proxy
 * descriptors and come back as callables, dates and repeated objects survive, underscore members
 * travel only when asked for, and errors keep message and extra members such as `status`.
 */
import {
  deserializeValue,
  type ProxyHooks,
  serializeValue,
} from "../../../../src/devhost/host-page/browser/xdm-serialization";

function hooks() {
  const registered: Array<(...args: unknown[]) => unknown> = [];
  const calls: Array<[number, unknown[]]> = [];
  const value: ProxyHooks = {
    channelId: 7,
    registerFunction: (fn) => registered.push(fn),
    remoteFunction:
      (id) =>
      async (...args) => {
        calls.push([id, args]);
        return "ok";
      },
  };
  return { value, registered, calls };
}

describe("serializeValue", () => {
  it("turns functions into numbered proxy descriptors with the channel id", () => {
    const h = hooks();
    const wire = serializeValue({ getValue: () => 1, nested: { setValue: () => 2 } }, h.value);
    expect(wire).toEqual({
      getValue: { __proxyFunctionId: 1, _channelId: 7 },
      nested: { setValue: { __proxyFunctionId: 2, _channelId: 7 } },
    });
    expect(h.registered.map((fn) => fn())).toEqual([1, 2]);
  });

  it("encodes dates, drops undefined, and keeps underscore members only when asked", () => {
    const h = hooks();
    const input = { when: new Date(5), gone: undefined, __etag: 3, id: "a" };
    expect(serializeValue(input, h.value)).toEqual({ when: { __proxyDate: 5 }, id: "a" });
    expect(serializeValue(input, h.value, { includeUnderscoreProperties: true })).toEqual({
      when: { __proxyDate: 5 },
      __etag: 3,
      id: "a",
    });
  });

  it("marks a cycle once and refers to it", () => {
    const h = hooks();
    const parent: Record<string, unknown> = { name: "p" };
    parent.self = parent;
    expect(serializeValue(parent, h.value)).toEqual({
      name: "p",
      self: { __circularReference: 1 },
      __circularReferenceId: 1,
    });
  });

  it("keeps an error's name, message and extra members", () => {
    const h = hooks();
    const error = Object.assign(new Error("Document a does not exist."), { status: 404 });
    expect(serializeValue(error, h.value)).toMatchObject({
      name: "Error",
      message: "Document a does not exist.",
      status: 404,
    });
  });
});

describe("deserializeValue", () => {
  it("turns proxy descriptors into functions that call the frame, and restores dates and cycles", async () => {
    const h = hooks();
    const decoded = deserializeValue(
      {
        callback: { __proxyFunctionId: 3, _channelId: 1 },
        at: { __proxyDate: 9 },
        node: { __circularReferenceId: 2, me: { __circularReference: 2 } },
      },
      h.value,
    ) as { callback: (x: number) => Promise<unknown>; at: Date; node: { me: unknown } };
    await expect(decoded.callback(42)).resolves.toBe("ok");
    expect(h.calls).toEqual([[3, [42]]]);
    expect(decoded.at.getTime()).toBe(9);
    expect(decoded.node.me).toBe(decoded.node);
  });
});
