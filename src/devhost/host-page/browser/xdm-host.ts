/**
 * Host end of the SDK's frame protocol, written from the protocol as
 * microsoft/azure-devops-extension-sdk `src/XDM.ts` implements it. One `XdmHostChannel` talks
 * to one extension iframe:
 * - it accepts JSON-string messages whose `source` is the iframe's window and whose origin is
 *   the iframe's origin (or "null", a sandboxed frame);
 * - a request (`instanceId` present) is dispatched to the registered object
 *   (`DevOps.HostControl`, `DevOps.ServiceManager`, or `__proxyFunctions` for functions the host
 *   handed out earlier); an empty `methodName` returns the object itself;
 * - the answer `{id, result | error, handshakeToken}` echoes the request's `id` and
 *   `handshakeToken` (the SDK only accepts its first answer when the token matches), and
 *   awaits promises first, as the real host does;
 * - `invokeRemote` calls objects the frame registered (`DevOps.SdkClient.dispatchEvent`).
 */
import {
  deserializeValue,
  type ProxyHooks,
  type SerializationSettings,
  serializeValue,
} from "./xdm-serialization";

/** One protocol message (`IJsonRpcMessage` of the SDK). */
export interface RpcMessage {
  id: number;
  instanceId?: string;
  instanceContext?: unknown;
  methodName?: string;
  params?: unknown[];
  result?: unknown;
  error?: unknown;
  handshakeToken?: string;
  serializationSettings?: SerializationSettings;
}

/** An object the host exposes to the frame: its methods may return values or promises. */
export type HostObject = Record<string, unknown>;

/** Observer of every request the frame sends, for the page's test hooks. */
export type RequestObserver = (message: RpcMessage) => void;

/** Instance id under which each side keeps the functions it handed out (src/XDM.ts). */
const PROXY_FUNCTIONS_ID = "__proxyFunctions";
let nextChannelId = 1;

/** The host's end of the channel to one extension iframe. */
export class XdmHostChannel {
  private readonly registry = new Map<string, HostObject>();
  private readonly proxyFunctions = new Map<string, (...args: unknown[]) => unknown>();
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: unknown): void }
  >();
  private readonly hooks: ProxyHooks;
  private nextMessageId = 1;
  private nextProxyId = 1;

  /**
   * @param frame the iframe element hosting the extension
   * @param frameOrigin origin of the extension content, e.g. "http://127.0.0.1:3001"
   * @param observe called with every request before it is dispatched
   */
  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly frameOrigin: string,
    private readonly observe: RequestObserver = () => undefined,
  ) {
    const channelId = nextChannelId++;
    this.hooks = {
      channelId,
      registerFunction: (fn) => {
        const id = this.nextProxyId++;
        this.proxyFunctions.set(`proxy${id}`, fn);
        return id;
      },
      remoteFunction:
        (proxyId) =>
        (...args: unknown[]) =>
          this.invokeRemote(PROXY_FUNCTIONS_ID, `proxy${proxyId}`, args, {
            includeUnderscoreProperties: true,
          }),
    };
    window.addEventListener("message", this.onMessage);
  }

  /** Exposes `object` to the frame under `instanceId`. */
  register(instanceId: string, object: HostObject): void {
    this.registry.set(instanceId, object);
  }

  /** Calls a method of an object the frame registered; resolves with its decoded result. */
  invokeRemote(
    instanceId: string,
    methodName: string,
    params: unknown[] = [],
    serializationSettings?: SerializationSettings,
  ): Promise<unknown> {
    const id = this.nextMessageId++;
    const message: RpcMessage = {
      id,
      instanceId,
      methodName,
      params: serializeValue(params, this.hooks, serializationSettings) as unknown[],
      instanceContext: {},
      serializationSettings,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(message);
    });
  }

  /** Stops listening; pending calls stay unresolved. */
  dispose(): void {
    window.removeEventListener("message", this.onMessage);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (event.source !== this.frame.contentWindow) return;
    if (event.origin !== this.frameOrigin && event.origin !== "null") return;
    if (typeof event.data !== "string") return;
    let message: RpcMessage;
    try {
      message = JSON.parse(event.data) as RpcMessage;
    } catch {
      return; // Not a protocol message.
    }
    if (typeof message !== "object" || message === null) return;
    if (message.instanceId) void this.dispatch(message);
    else this.settle(message);
  };

  private settle(message: RpcMessage): void {
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(deserializeValue(message.error, this.hooks));
    else waiter.resolve(deserializeValue(message.result, this.hooks));
  }

  private async dispatch(message: RpcMessage): Promise<void> {
    this.observe(message);
    const target =
      message.instanceId === PROXY_FUNCTIONS_ID
        ? Object.fromEntries(this.proxyFunctions)
        : this.registry.get(message.instanceId ?? "");
    if (!target) {
      this.reply(message, {
        error: new Error(`The registered object ${message.instanceId} could not be found.`),
      });
      return;
    }
    if (!message.methodName) {
      this.reply(message, { result: target });
      return;
    }
    const method = target[message.methodName];
    if (typeof method !== "function") {
      this.reply(message, { error: new Error(`RPC method not found: ${message.methodName}`) });
      return;
    }
    try {
      const params = deserializeValue(message.params ?? [], this.hooks) as unknown[];
      const result: unknown = await (method as (...args: unknown[]) => unknown).apply(
        target,
        params,
      );
      this.reply(message, { result });
    } catch (error) {
      this.reply(message, { error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  private reply(request: RpcMessage, outcome: { result?: unknown; error?: Error }): void {
    const settings = request.serializationSettings;
    const answer: RpcMessage = { id: request.id, handshakeToken: request.handshakeToken };
    if (outcome.error) answer.error = serializeValue(outcome.error, this.hooks, settings);
    else answer.result = serializeValue(outcome.result, this.hooks, settings);
    this.post(answer);
  }

  private post(message: RpcMessage): void {
    // "null" origins (sandboxed frames) can only be addressed with "*".
    this.frame.contentWindow?.postMessage(JSON.stringify(message), this.frameOrigin);
  }
}
