/**
 * `nodeHelper.getUserByEmail` in incoming scripts: the people a replica names are looked up in
 * the receiving organization (the emulator's Identities API) before the script runs.
 */
import { ScriptTestService } from "../../../src/server/sync/script-test-service";
import {
  emailsOfReplica,
  SCRIPT_USER_LOOKUP_LIMIT,
  scriptUsersFor,
} from "../../../src/server/sync/script-users";
import type { SyncAdoAccess } from "../../../src/server/sync/sync-context";
import { emptyReplicaBody, type Replica } from "../../../src/shared/contracts/replica";
import { useOneSide } from "./sync-harness";

jest.setTimeout(60_000);

const person = (email: string) => ({ email, displayName: email.split("@")[0] });
const replicaNaming = (assignee: string | null, authors: string[] = []): Replica => ({
  ...emptyReplicaBody(),
  version: 1,
  key: "42",
  summary: "Printer on fire",
  assignee: assignee === null ? null : person(assignee),
  comments: authors.map((email, index) => ({
    id: String(index + 1),
    author: person(email),
    body: "hi",
    format: "html" as const,
    created: null,
    updated: null,
  })),
});

/** Names the assignee it finds (or "nobody") in the title, to show what the script saw. */
const NAMING_SCRIPT = `var user = nodeHelper.getUserByEmail(replica.assignee && replica.assignee.email);
workItem.summary = replica.summary + " for " + (user ? user.displayName : "nobody");`;

describe("emailsOfReplica", () => {
  test("takes assignee, reporter and comment authors once each, lower-cased", () => {
    const replica = {
      ...replicaNaming(" Max@Fabrikam.example ", ["max@fabrikam.example", "ada@fabrikam.example"]),
      reporter: person("ada@fabrikam.example"),
    };
    expect(emailsOfReplica(replica)).toEqual(["max@fabrikam.example", "ada@fabrikam.example"]);
  });

  test("skips values that are not addresses and stops at the lookup limit", () => {
    const many = Array.from({ length: 40 }, (_, i) => `user${i}@example.com`);
    const replica = replicaNaming("Unassigned", many);
    const emails = emailsOfReplica(replica);
    expect(emails).not.toContain("unassigned");
    expect(emails).toHaveLength(SCRIPT_USER_LOOKUP_LIMIT);
  });
});

describe("scriptUsersFor", () => {
  test("a failed lookup leaves that person out and logs a warning without the address", async () => {
    const warnings: object[] = [];
    const ado = {
      userByEmail: async (email: string) => {
        if (email.startsWith("max"))
          throw Object.assign(new Error("down"), { code: "SYNC_ERR_ADO_UNAVAILABLE" });
        return { id: "1", displayName: "Ada Admin" };
      },
    } as unknown as SyncAdoAccess;
    const logger = { info: () => {}, error: () => {}, warn: (obj: object) => warnings.push(obj) };
    const users = await scriptUsersFor(
      ado,
      replicaNaming("max@x.example", ["ada@x.example"]),
      logger,
    );
    expect(users).toEqual([{ email: "ada@x.example", displayName: "Ada Admin" }]);
    expect(warnings).toEqual([{ code: "SYNC_ERR_ADO_UNAVAILABLE", replica: "42" }]);
  });
});

describe("getUserByEmail against the receiving organization", () => {
  let service: ScriptTestService;
  const one = useOneSide({ organization: "fabrikam", dialect: "sqlite" }, async (side) => {
    service = new ScriptTestService(side.context);
  });

  const summaryFor = async (assignee: string | null) => {
    const result = await service.incoming(one.side.connectionId, {
      replica: replicaNaming(assignee),
      script: NAMING_SCRIPT,
    });
    return result.patch.find((op) => op.path === "/fields/System.Title")?.value;
  };

  test("finds a user of this organization by address, whatever its case", async () => {
    expect(await summaryFor("MAX@fabrikam.example")).toBe("Printer on fire for Max Member");
  });

  test("answers null for an address this organization does not know", async () => {
    expect(await summaryFor("max@contoso.example")).toBe("Printer on fire for nobody");
    expect(await summaryFor(null)).toBe("Printer on fire for nobody");
  });
});
