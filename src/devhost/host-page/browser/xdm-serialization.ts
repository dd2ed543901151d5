/**
 * Value encoding of the SDK's frame protocol, host side. Behaviour matches what
 * microsoft/azure-devops-extension-sdk `src/XDM.ts` sends and expects:
 * - functions travel as `{__proxyFunctionId: n, _channelId: c}` and are called back through
 *   the `__proxyFunctions` instance (`methodName: "proxy<n>"`);
 * - dates travel as `{__proxyDate: epochMs}`;
 * - a repeated object travels once, marked `__circularReferenceId`, then as
 *   `{__circularReference: id}`;
 * - members whose value is `undefined` are dropped, and so are members starting with `_`
 *   unless the request asked for `includeUnderscoreProperties` (the SDK asks for it on every
 *   proxy-function call, which is how extension-data documents keep their `__etag`).
 */

/** Serialization settings a request carries (`IJsonRpcMessage.serializationSettings`). */
export interface SerializationSettings {
  includeUnderscoreProperties: boolean;
}

/** Deepest nesting the SDK serializes; deeper members are dropped (src/XDM.ts MAX_XDM_DEPTH). */
const MAX_DEPTH = 100;

/** Hooks a channel gives the codec: how to register local functions and call remote ones. */
export interface ProxyHooks {
  /** Registers a local function callable by the frame; returns its proxy id (>= 1). */
  registerFunction(fn: (...args: unknown[]) => unknown): number;
  /** Returns a local stand-in that calls the frame's function with this proxy id. */
  remoteFunction(proxyId: number): (...args: unknown[]) => Promise<unknown>;
  /** This end's channel id, sent next to each proxy id. */
  channelId: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Encodes a value for the wire (see the module comment for the rules). */
export function serializeValue(
  value: unknown,
  hooks: ProxyHooks,
  settings?: SerializationSettings,
): Json | undefined {
  const seen = new Map<object, { [key: string]: Json } | Json[]>();
  let nextCircularId = 1;
  const encode = (item: unknown, depth: number): Json | undefined => {
    if (item === undefined || depth > MAX_DEPTH) return undefined;
    if (item === null || typeof item !== "object") {
      if (typeof item === "function") {
        const id = hooks.registerFunction(item as (...args: unknown[]) => unknown);
        return { __proxyFunctionId: id, _channelId: hooks.channelId };
      }
      return item as Json;
    }
    if (item instanceof Date) return { __proxyDate: item.getTime() };
    if (item instanceof Error) {
      // Own and prototype names travel in the real SDK, so `name`, `message`, `stack` and
      // extras such as `status` all arrive.
      const { name, message, stack } = item;
      return encode({ ...item, name, message, stack }, depth);
    }
    const previous = seen.get(item);
    if (previous) {
      const target = previous as { __circularReferenceId?: number };
      target.__circularReferenceId ??= nextCircularId++;
      return { __circularReference: target.__circularReferenceId };
    }
    const out: { [key: string]: Json } | Json[] = Array.isArray(item) ? [] : {};
    seen.set(item, out);
    for (const [key, member] of Object.entries(item)) {
      if (!Array.isArray(item) && key.startsWith("_") && !settings?.includeUnderscoreProperties) {
        continue;
      }
      const encoded = encode(member, depth + 1);
      if (encoded !== undefined) (out as Record<string, Json>)[key] = encoded;
    }
    seen.delete(item);
    return out;
  };
  return encode(value, 1);
}

/** Decodes a wire value: proxy descriptors become callable functions, dates become Dates. */
export function deserializeValue(value: unknown, hooks: ProxyHooks): unknown {
  const circular = new Map<number, object>();
  const decode = (item: unknown): unknown => {
    if (item === null || typeof item !== "object") return item;
    const record = item as Record<string, unknown>;
    if (typeof record.__proxyFunctionId === "number" && record.__proxyFunctionId > 0) {
      return hooks.remoteFunction(record.__proxyFunctionId);
    }
    if (typeof record.__proxyDate === "number") return new Date(record.__proxyDate);
    if (typeof record.__circularReference === "number") {
      return circular.get(record.__circularReference);
    }
    const out: Record<string, unknown> | unknown[] = Array.isArray(item) ? [] : {};
    if (typeof record.__circularReferenceId === "number") {
      circular.set(record.__circularReferenceId, out);
    }
    for (const [key, member] of Object.entries(record)) {
      if (key === "__circularReferenceId") continue;
      (out as Record<string, unknown>)[key] = decode(member);
    }
    return out;
  };
  return decode(value);
}
