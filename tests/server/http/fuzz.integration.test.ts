/**
 * Property test (docs/architecture.md#invariants): 1,000+ random or malformed requests per dialect,
 * built from a seeded PRNG. None may get a 5xx, every rejection carries a catalogued code, and the
 * stored data is unchanged at the end.
 */
import { routePath, ROUTES } from "../../../src/shared/contracts/routes";
import { isErrorCode } from "../../../src/shared/errors";
import { type Random, seededRandom } from "../../helpers/seeded-random";
import {
  initiateBody,
  snapshotTables,
  startTestNode,
  type TestNode,
} from "../../helpers/test-node";
import { testDialects } from "../../helpers/with-store";

/** 1,000 requests per dialect: the floor; each is cheap (in-process inject). */
const REQUESTS = 1000;
/** Fixed for reproducible CI runs; set FUZZ_SEED to explore other inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface FuzzRequest {
  method: Method;
  url: string;
  payload?: unknown;
  contentType?: string;
}

interface Fixture {
  scriptId: string;
  basicId: string;
  names: string[];
  codes: string[];
}

/** A value of the wrong type or shape for any field. */
function junkValue(random: Random): unknown {
  return random.pick<() => unknown>([
    () => random.int(1e9) - 5e8,
    () => null,
    () => random.next() < 0.5,
    () => [random.string(3)],
    () => ({ nested: random.string(4) }),
    () => "",
    () => random.string(1 + random.int(300)),
  ])();
}

/** A string that breaks the short-name or connection-name pattern. */
function badName(random: Random): string {
  return (
    random.pick([" ", "-", "!", "é", ";", "\n"]) +
    random.string(random.int(100)) +
    random.pick([";", "/", "#"])
  );
}

function badInitiate(random: Random, fixture: Fixture): unknown {
  const body = initiateBody({ name: `Fuzz ${random.string(8, "abcdefgh")}` });
  const field = random.pick(Object.keys(body).concat(["name", "extra"]));
  switch (random.int(6)) {
    case 0:
      delete body[
        random.pick([
          "mode",
          "localShortName",
          "remoteShortName",
          "incomingProject",
          "destinationUrl",
        ])
      ];
      return body;
    case 1:
      return {
        ...body,
        [random.pick(["localShortName", "remoteShortName", "name"])]: badName(random),
      };
    case 2:
      return {
        ...body,
        destinationUrl: random.pick([
          "ftp://x.example",
          "https://u:p@x.example",
          "https://x.example/?a",
          "https://x.example/#f",
          random.string(20, "abc:/"),
        ]),
      };
    case 3:
      return { ...body, name: random.pick(fixture.names).toUpperCase() };
    case 4:
      return {
        ...body,
        incomingProject: random.pick([
          { id: "", name: "x" },
          { id: "nope-" + random.string(6, "abc"), name: "Gone" },
          junkValue(random),
        ]),
      };
    default:
      return field === "extra"
        ? { ...body, extra: junkValue(random) }
        : { ...body, mode: junkValue(random) };
  }
}

function badCode(random: Random, fixture: Fixture): unknown {
  const code = random.pick(fixture.codes);
  const mutations: Array<() => string> = [
    () => code.slice(0, random.int(code.length)),
    () => {
      const i = random.int(code.length);
      return code.slice(0, i) + random.string(1) + code.slice(i + 1);
    },
    () => code.replace(/^SN1/, `SN${2 + random.int(9)}`),
    () => random.string(random.int(500)),
    () => code.split("").join(random.pick([" ", "\n", "\r\n"])),
    () => code + random.string(1 + random.int(5)),
  ];
  const invitationCode = random.pick(mutations)();
  return random.next() < 0.1
    ? { invitationCode: junkValue(random) }
    : {
        invitationCode,
        incomingProject: { id: "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c", name: "Alpha" },
      };
}

function randomId(random: Random): string {
  return random.pick([
    () => random.string(1 + random.int(80)),
    () => crypto.randomUUID(),
    () => random.string(65, "abc"),
  ])();
}

function existingOrRandomId(random: Random, fixture: Fixture): string {
  return random.next() < 0.5 ? random.pick([fixture.scriptId, fixture.basicId]) : randomId(random);
}

function fuzzRequest(random: Random, fixture: Fixture): FuzzRequest {
  const id = () => existingOrRandomId(random, fixture);
  const path = (route: string, value: string) => routePath(route, { id: value });
  return random.pick<() => FuzzRequest>([
    () => ({ method: "POST", url: ROUTES.connections, payload: badInitiate(random, fixture) }),
    () => ({ method: "POST", url: ROUTES.invitationAccept, payload: badCode(random, fixture) }),
    () => ({ method: "POST", url: ROUTES.invitationInspect, payload: badCode(random, fixture) }),
    () => ({
      method: "PATCH",
      url: path(ROUTES.connection, id()),
      payload: {
        name: random.pick(
          [badName(random), random.pick(fixture.names).toLowerCase() + "x"].slice(0, 1),
        ),
        [random.pick(["description", "extra"])]: junkValue(random),
      },
    }),
    () => ({
      method: "PATCH",
      url: path(ROUTES.connection, randomId(random)),
      payload: { description: "fine" },
    }),
    () => ({
      method: "PUT",
      url: path(ROUTES.connectionScripts, id()),
      payload: random.pick([
        { outgoing: junkValue(random) },
        { outgoing: "a", incoming: "b", extra: 1 },
        { outgoing: "x".repeat(200_001), incoming: "" },
        junkValue(random),
      ]),
    }),
    () => ({
      method: "PUT",
      url: path(ROUTES.connectionScripts, fixture.basicId),
      payload: { outgoing: "a", incoming: "b" },
    }),
    () => ({
      method: "POST",
      url: path(random.pick([ROUTES.connectionActivate, ROUTES.connectionDeactivate]), id()),
    }),
    () => ({
      method: random.pick<Method>(["POST", "GET"]),
      url: path(ROUTES.connectionInvitation, randomId(random)),
    }),
    () => ({
      method: random.pick<Method>(["GET", "DELETE"]),
      url: path(ROUTES.connection, randomId(random)),
    }),
    () => ({
      method: random.pick<Method>(["GET", "POST", "PUT", "PATCH", "DELETE"]),
      url: `/api/v1/${random.string(random.int(30), "abcdef/-_.%")}`,
    }),
    () => ({
      method: "POST",
      url: ROUTES.connections,
      payload: random.string(random.int(200)),
      contentType: random.pick([
        "application/json",
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
      ]),
    }),
  ])();
}

describe.each(testDialects())("fuzzing the hub API on %s", (dialect) => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode(dialect, { rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  });
  afterAll(() => node.close());

  test(`${REQUESTS} malformed requests: no 5xx, catalogued codes, nothing changed`, async () => {
    const headers = await node.adminHeaders();
    const create = async (body: Record<string, unknown>) =>
      (
        await node.app.inject({
          method: "POST",
          url: ROUTES.connections,
          headers,
          payload: initiateBody(body),
        })
      ).json();
    const script = await create({ name: "Fuzz script" });
    const basic = await create({ name: "Fuzz basic", mode: "basic" });
    const fixture: Fixture = {
      scriptId: script.connection.id,
      basicId: basic.connection.id,
      names: ["Fuzz script", "Fuzz basic"],
      codes: [script.invitation.invitationCode, basic.invitation.invitationCode],
    };
    const before = await snapshotTables(node.store);
    const random = seededRandom(SEED);
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i += 1) {
      const request = fuzzRequest(random, fixture);
      const payload =
        request.payload === undefined
          ? undefined
          : typeof request.payload === "string"
            ? request.payload
            : JSON.stringify(request.payload);
      const response = await node.app.inject({
        method: request.method,
        url: request.url,
        headers: {
          ...headers,
          ...(payload !== undefined
            ? { "content-type": request.contentType ?? "application/json" }
            : {}),
        },
        ...(payload !== undefined ? { payload } : {}),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (
        response.statusCode >= 500 ||
        (response.statusCode >= 400 && !isErrorCode(response.json().code))
      ) {
        throw new Error(
          `request ${i} ${request.method} ${request.url} -> ${response.statusCode} ${response.body.slice(0, 300)}`,
        );
      }
    }
    expect(await snapshotTables(node.store)).toBe(before);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    for (const status of [400, 404, 409, 415]) expect(statuses.get(status)).toBeGreaterThan(0);
  }, 300_000);
});
