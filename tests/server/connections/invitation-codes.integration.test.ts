/** Invitation codes between two nodes, and every broken code with its own code. */
import { createHash } from "node:crypto";

import {
  decodeInvitationCode,
  encodeInvitationCode,
  type InvitationClaims,
} from "../../../src/server/connections/invitation-code";
import {
  redeemIssuedInvitation,
  verifyIssuedInvitation,
} from "../../../src/server/connections/invitation-issuer";
import {
  type IssuerContext,
  loadNodeIdentity,
} from "../../../src/server/node-settings/node-identity";
import { routePath, ROUTES } from "../../../src/shared/contracts/routes";
import { injectFetch } from "../../helpers/inject-fetch";
import {
  initiateBody,
  snapshotTables,
  startTestNode,
  type TestNode,
} from "../../helpers/test-node";
import { testDialects } from "../../helpers/with-store";

const BETA = { id: "2a7c2f8e-14b1-4c1a-9c3e-0b1f6d0b4e11", name: "Beta" };
const A_URL = "http://127.0.0.1:3011";

async function issuerOf(node: TestNode): Promise<IssuerContext> {
  const identity = await loadNodeIdentity(node.store.db, node.box, Date.now());
  return { identity, publicUrl: node.config.publicUrl, ttlMs: node.config.invitationTtlMs };
}

/** Replaces one character in the middle of the payload part. */
function tamperPayload(code: string): string {
  const [prefix, header, payload, signature] = code.split(".");
  const i = Math.floor(payload!.length / 2);
  const swapped = payload![i] === "x" ? "y" : "x";
  return [prefix, header, payload!.slice(0, i) + swapped + payload!.slice(i + 1), signature].join(
    ".",
  );
}

describe.each(testDialects())("invitation codes on %s", (dialect) => {
  let initiator: TestNode;
  let acceptor: TestNode;
  let privateNode: TestNode;

  beforeAll(async () => {
    initiator = await startTestNode(dialect, { env: { PUBLIC_URL: A_URL } });
    acceptor = await startTestNode(dialect, {
      organization: "fabrikam",
      env: { PUBLIC_URL: "http://127.0.0.1:3021" },
      transport: { fetch: injectFetch(() => initiator.app) },
    });
    privateNode = await startTestNode(dialect, {
      organization: "tailspin",
      env: { PUBLIC_URL: "" },
    });
  });
  afterAll(async () => {
    await Promise.all([initiator.close(), acceptor.close(), privateNode.close()]);
  });

  async function post(node: TestNode, url: string, payload?: object) {
    const headers = await node.adminHeaders();
    return node.app.inject({ method: "POST", url, headers, ...(payload ? { payload } : {}) });
  }

  async function newCode(name: string): Promise<{ id: string; code: string }> {
    const response = await post(initiator, ROUTES.connections, initiateBody({ name }));
    expect(response.statusCode).toBe(201);
    return { id: response.json().connection.id, code: response.json().invitation.invitationCode };
  }

  /** Posts to inspect and accept on `node`; both must fail with `code` and change nothing. */
  async function expectRejected(node: TestNode, invitationCode: string, code: string) {
    const before = await snapshotTables(node.store);
    const inspect = await post(node, ROUTES.invitationInspect, { invitationCode });
    const accept = await post(node, ROUTES.invitationAccept, {
      invitationCode,
      incomingProject: BETA,
    });
    for (const response of [inspect, accept]) {
      expect(response.json().code).toBe(code);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    expect(await snapshotTables(node.store)).toBe(before);
  }

  test("a code pasted with spaces and line breaks is inspected and accepted", async () => {
    const { id, code } = await newCode("Happy path");
    const pasted = `  \n${code.slice(0, 60)}\r\n  ${code.slice(60, 200)}\n\t${code.slice(200)}  \n`;
    const preview = await post(acceptor, ROUTES.invitationInspect, { invitationCode: pasted });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      connectionId: id,
      connectionName: "Happy path",
      description: "Bugs to the partner",
      initiatorShortName: "contoso",
      acceptorShortName: "fabrikam",
      mode: "script",
      initiatorUrl: A_URL,
    });
    const accepted = await post(acceptor, ROUTES.invitationAccept, {
      invitationCode: pasted,
      incomingProject: BETA,
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().connection).toMatchObject({
      id,
      name: "Happy path",
      role: "acceptor",
      status: "active",
      localShortName: "fabrikam",
      remoteShortName: "contoso",
      remoteUrl: A_URL,
      type: "public",
      incomingProject: BETA,
    });
    const row = await acceptor.store.db
      .selectFrom("connections")
      .select("secret_sealed")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const { claims } = decodeInvitationCode(code, Date.now());
    expect(row.secret_sealed).toBeTruthy();
    expect(row.secret_sealed).not.toContain(claims.sec);

    await expectRejected(acceptor, code, "SYNC_ERR_INVITATION_USED");
  });

  test("two concurrent accepts of one code: one wins, the other is told it was used", async () => {
    const { code } = await newCode("Race");
    const body = { invitationCode: code, incomingProject: BETA };
    const responses = await Promise.all([
      post(acceptor, ROUTES.invitationAccept, body),
      post(acceptor, ROUTES.invitationAccept, body),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const loser = responses.find((response) => response.statusCode === 409);
    expect(loser?.json().code).toBe("SYNC_ERR_INVITATION_USED");
  });

  test("the issuer stores only a hash of the one-time secret", async () => {
    const { code } = await newCode("Hash only");
    const { claims } = decodeInvitationCode(code, Date.now());
    const all = await snapshotTables(initiator.store);
    expect(all).not.toContain(claims.sec);
    expect(all).toContain(createHash("sha256").update(claims.sec).digest("hex"));
  });

  test("truncated codes", async () => {
    const { code } = await newCode("Truncated");
    for (const length of [
      2,
      3,
      40,
      Math.floor(code.length / 2),
      code.length - 30,
      code.length - 1,
    ]) {
      await expectRejected(acceptor, code.slice(0, length), "SYNC_ERR_INVITATION_TRUNCATED");
    }
  });

  test("tampered, malformed and unknown-version codes", async () => {
    const { code } = await newCode("Tampered");
    await expectRejected(acceptor, tamperPayload(code), "SYNC_ERR_INVITATION_TAMPERED");
    await expectRejected(acceptor, `${code}AAAA`, "SYNC_ERR_INVITATION_TAMPERED");
    await expectRejected(acceptor, "hello partner", "SYNC_ERR_INVITATION_MALFORMED");
    await expectRejected(acceptor, "", "SYNC_ERR_INVITATION_MALFORMED");
    await expectRejected(acceptor, code.replace(/^SN1\./, "SN2."), "SYNC_ERR_INVITATION_VERSION");
    await expectRejected(acceptor, code.replace(/\./g, "+"), "SYNC_ERR_INVITATION_MALFORMED");
  });

  test("the node's own code is meant for another node", async () => {
    const { code } = await newCode("Own code");
    await expectRejected(initiator, code, "SYNC_ERR_INVITATION_WRONG_NODE");
  });

  test("an expired code", async () => {
    const late = await startTestNode(dialect, {
      organization: "late",
      now: () => Date.now() + 8 * 86_400_000,
    });
    try {
      const { code } = await newCode("Expired");
      await expectRejected(late, code, "SYNC_ERR_INVITATION_EXPIRED");
    } finally {
      await late.close();
    }
  });

  test("a private initiator's code on a private node: both private", async () => {
    const response = await post(
      privateNode,
      ROUTES.connections,
      initiateBody({ name: "From private", destinationUrl: "http://127.0.0.1:3011" }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().connection).toMatchObject({ type: "private", localSide: "private" });
    const code = response.json().invitation.invitationCode;
    const other = await startTestNode(dialect, { organization: "other", env: { PUBLIC_URL: "" } });
    try {
      await expectRejected(other, code, "SYNC_ERR_INVITATION_BOTH_PRIVATE");
    } finally {
      await other.close();
    }
    const bothPrivate = await post(
      privateNode,
      ROUTES.connections,
      initiateBody({ name: "Nobody public", destinationUrl: null }),
    );
    expect(bothPrivate.json().code).toBe("SYNC_ERR_INVITATION_BOTH_PRIVATE");
  });

  test("issuer side: signature, revoked (regenerated), used, another node's code", async () => {
    const issuer = await issuerOf(initiator);
    const { id, code } = await newCode("Issuer checks");
    const signature = code.split(".")[3]!;
    const badSignature =
      code.slice(0, -signature.length) + signature.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    await expect(
      verifyIssuedInvitation(initiator.store.db, issuer, badSignature, Date.now()),
    ).rejects.toMatchObject({
      code: "SYNC_ERR_INVITATION_TAMPERED",
    });
    const regenerated = await post(initiator, routePath(ROUTES.connectionInvitation, { id }));
    const fresh = regenerated.json().invitationCode as string;
    await expect(
      verifyIssuedInvitation(initiator.store.db, issuer, code, Date.now()),
    ).rejects.toMatchObject({
      code: "SYNC_ERR_INVITATION_REVOKED",
    });
    await redeemIssuedInvitation(
      initiator.store.db,
      issuer,
      fresh,
      "http://127.0.0.1:3021",
      Date.now(),
    );
    await expect(
      redeemIssuedInvitation(initiator.store.db, issuer, fresh, null, Date.now()),
    ).rejects.toMatchObject({ code: "SYNC_ERR_INVITATION_USED" });
    const connection = await initiator.app.inject({
      method: "GET",
      url: routePath(ROUTES.connection, { id }),
      headers: await initiator.adminHeaders(),
    });
    expect(connection.json()).toMatchObject({ status: "active", remoteShortName: "fabrikam" });
    const invitation = await initiator.app.inject({
      method: "GET",
      url: routePath(ROUTES.connectionInvitation, { id }),
      headers: await initiator.adminHeaders(),
    });
    expect(invitation.json().code).toBe("SYNC_ERR_CONNECTION_NOT_PENDING");

    const foreign = await post(privateNode, ROUTES.connections, initiateBody({ name: "Foreign" }));
    const foreignCode = foreign.json().invitation.invitationCode;
    await expect(
      verifyIssuedInvitation(initiator.store.db, issuer, foreignCode, Date.now()),
    ).rejects.toMatchObject({ code: "SYNC_ERR_INVITATION_WRONG_NODE" });
  });
});

describe("invitation code format", () => {
  const key = new Uint8Array(32).fill(3);
  const claims: InvitationClaims = {
    v: 1,
    iss: "node-1",
    cid: "c-1",
    name: "n",
    desc: "",
    ish: "a",
    ash: "b",
    mode: "basic",
    url: null,
    sec: "s".repeat(43),
    iat: 1_700_000_000,
    exp: 1_700_000_600,
  };

  test("is deterministic, URL-safe and round-trips", async () => {
    const code = await encodeInvitationCode(claims, key);
    expect(await encodeInvitationCode(claims, key)).toBe(code);
    expect(code).toMatch(/^SN1\.[A-Za-z0-9._-]+$/);
    expect(decodeInvitationCode(code, 1_700_000_000_000).claims).toEqual(claims);
    expect(() => decodeInvitationCode(code, 1_700_000_600_000)).toThrow(
      expect.objectContaining({ code: "SYNC_ERR_INVITATION_EXPIRED" }),
    );
  });

  test("a payload of an unknown version with an intact checksum is a version error", async () => {
    const code = await encodeInvitationCode({ ...claims, v: 2 }, key);
    expect(() => decodeInvitationCode(code, 1_700_000_000_000)).toThrow(
      expect.objectContaining({ code: "SYNC_ERR_INVITATION_VERSION" }),
    );
  });
});
