/** App-token validation, and the administrator check with its cache. */
import { generateKeyPair, SignJWT } from "jose";

import { AppTokenVerifier } from "../../../src/server/auth/app-token-verifier";
import { ROUTES } from "../../../src/shared/contracts/routes";
import { isSyncError } from "../../../src/shared/errors";
import { APP_SECRET, PREVIOUS_APP_SECRET, signAppToken } from "../../helpers/app-tokens";
import { ADMIN_TOKEN } from "../../helpers/fake-ado-identity";
import { startTestNode, type TestNode } from "../../helpers/test-node";
import { testDialects } from "../../helpers/with-store";

const verifier = new AppTokenVerifier([APP_SECRET, PREVIOUS_APP_SECRET]);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

async function codeOf(authorization: string | undefined): Promise<string> {
  try {
    await verifier.verify(authorization);
    return "accepted";
  } catch (error) {
    if (!isSyncError(error)) throw error;
    expect(error.status).toBe(401);
    return error.code;
  }
}

/** Changes one character in the middle of the signature (not the padding bits at its end). */
function flipSignatureChar(token: string): string {
  const index = token.length - 10;
  const replacement = token[index] === "A" ? "B" : "A";
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

describe("app token verification", () => {
  test("a token under the current or the previous secret is accepted", async () => {
    expect(await codeOf(`Bearer ${await signAppToken(APP_SECRET)}`)).toBe("accepted");
    expect(await codeOf(`Bearer ${await signAppToken(PREVIOUS_APP_SECRET)}`)).toBe("accepted");
    expect(await codeOf(`bearer   ${await signAppToken()}`)).toBe("accepted");
  });

  test.each([
    ["no header", undefined, "SYNC_ERR_AUTH_APP_TOKEN_MISSING"],
    ["a Basic header", "Basic dXNlcjpwYXNz", "SYNC_ERR_AUTH_APP_TOKEN_MISSING"],
    ["an empty bearer", "Bearer ", "SYNC_ERR_AUTH_APP_TOKEN_MISSING"],
    ["not a JWT", "Bearer not-a-jwt", "SYNC_ERR_AUTH_APP_TOKEN_MALFORMED"],
    [
      "a PAT",
      "Bearer 52charpersonalaccesstokenlookalike000000000000000",
      "SYNC_ERR_AUTH_APP_TOKEN_MALFORMED",
    ],
    [
      "alg none",
      `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64({ exp: now() + 300 })}.`,
      "SYNC_ERR_AUTH_APP_TOKEN_ALGORITHM",
    ],
    [
      "HS512",
      `Bearer ${b64({ alg: "HS512" })}.${b64({ exp: now() + 300 })}.AAAA`,
      "SYNC_ERR_AUTH_APP_TOKEN_ALGORITHM",
    ],
  ])("%s is rejected", async (_label, header, code) => {
    expect(await codeOf(header)).toBe(code);
  });

  test("an expired token, a future nbf and a token without exp are rejected distinctly", async () => {
    expect(await codeOf(`Bearer ${await signAppToken(APP_SECRET, { ttlSeconds: -600 })}`)).toBe(
      "SYNC_ERR_AUTH_APP_TOKEN_EXPIRED",
    );
    const early = await signAppToken(APP_SECRET, { notBeforeSeconds: 3600 });
    expect(await codeOf(`Bearer ${early}`)).toBe("SYNC_ERR_AUTH_APP_TOKEN_NOT_YET_VALID");
    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(APP_SECRET));
    expect(await codeOf(`Bearer ${noExp}`)).toBe("SYNC_ERR_AUTH_APP_TOKEN_MALFORMED");
  });

  test("a token within the clock tolerance is accepted", async () => {
    const justExpired = await signAppToken(APP_SECRET, { ttlSeconds: -20 });
    expect(await codeOf(`Bearer ${justExpired}`)).toBe("accepted");
  });

  test("tampered signature, tampered payload, wrong secret and a base64-decoded certificate fail the signature", async () => {
    const token = await signAppToken();
    expect(await codeOf(`Bearer ${flipSignatureChar(token)}`)).toBe(
      "SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE",
    );
    const [header, , signature] = token.split(".");
    const forged = `${header}.${b64({ exp: now() + 300, nameid: "someone-else" })}.${signature}`;
    expect(await codeOf(`Bearer ${forged}`)).toBe("SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE");
    expect(await codeOf(`Bearer ${await signAppToken("another-extension")}`)).toBe(
      "SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE",
    );
    const decodedKey = Buffer.from(APP_SECRET, "base64");
    const wrongKey = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(now() + 300)
      .sign(decodedKey);
    expect(await codeOf(`Bearer ${wrongKey}`)).toBe("SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE");
  });

  test("an Azure DevOps access token (RS256 JWT) in place of the app token is rejected", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const accessToken = await new SignJWT({ scp: "vso.work" })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", x5t: "abc" })
      .setIssuer("app.vstoken.visualstudio.com")
      .setExpirationTime(now() + 300)
      .sign(privateKey);
    expect(await codeOf(`Bearer ${accessToken}`)).toBe("SYNC_ERR_AUTH_APP_TOKEN_ALGORITHM");
  });

  test("a node without EXALATE_APP_SECRET rejects every token with 401", async () => {
    const bare = new AppTokenVerifier([]);
    await expect(bare.verify(`Bearer ${await signAppToken()}`)).rejects.toMatchObject({
      code: "SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE",
      status: 401,
    });
  });
});

describe("hub API authentication over HTTP", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode(testDialects()[0]!);
  });
  afterAll(() => node.close());

  const get = (headers: Record<string, string>) =>
    node.app.inject({ method: "GET", url: ROUTES.connections, headers });

  test("node info needs no token; connections need both tokens", async () => {
    const info = await node.app.inject({ method: "GET", url: ROUTES.nodeInfo });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ product: "exalate-adnode-sync-node", apiVersions: ["v1"] });
    const none = await get({});
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe("SYNC_ERR_AUTH_APP_TOKEN_MISSING");
    const appOnly = await get({ authorization: `Bearer ${await signAppToken()}` });
    expect(appOnly.statusCode).toBe(401);
    expect(appOnly.json().code).toBe("SYNC_ERR_AUTH_ACCESS_TOKEN_MISSING");
    const unknown = await get(await node.adminHeaders("someone-elses-token"));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe("SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID");
    const expired = await get({
      authorization: `Bearer ${await signAppToken(APP_SECRET, { ttlSeconds: -600 })}`,
      "x-azdo-access-token": ADMIN_TOKEN,
    });
    expect(expired.json().code).toBe("SYNC_ERR_AUTH_APP_TOKEN_EXPIRED");
  });

  test("verdicts are cached; an unreachable organization is a retryable 503, not cached", async () => {
    const token = "access-token-cache-check";
    node.ado.users.set(token, { id: "u-cache", displayName: "Cache", admin: true });
    const before = node.ado.calls.connectionData ?? 0;
    expect((await get(await node.adminHeaders(token))).statusCode).toBe(200);
    expect((await get(await node.adminHeaders(token))).statusCode).toBe(200);
    expect(node.ado.calls.connectionData).toBe(before + 1);

    node.ado.failWith = 503;
    const down = await get(await node.adminHeaders("access-token-while-down"));
    expect(down.statusCode).toBe(503);
    expect(down.json().code).toBe("SYNC_ERR_AUTH_ORGANIZATION_UNREACHABLE");
    node.ado.failWith = null;
    node.ado.users.set("access-token-while-down", { id: "u2", displayName: "Later", admin: true });
    expect((await get(await node.adminHeaders("access-token-while-down"))).statusCode).toBe(200);
  });
});
