/**
 * The dev host's app token: HS256 with the UTF-8 bytes of the development secret (what the
 * sync node verifies), with the claims of real tokens and a ~70 minute window.
 */
import { decodeProtectedHeader, jwtVerify } from "jose";

import {
  APP_TOKEN_ISSUER,
  APP_TOKEN_LIFETIME_SECONDS,
  DEV_APP_SECRET,
  mintAppToken,
} from "../../../src/devhost/host-page/app-token";

const claims = { userId: "user-1", tenantId: "tenant-1", audience: "extension-1" };

describe("mintAppToken", () => {
  it("signs HS256 with the secret's UTF-8 bytes and carries nameid, tid, iss, aud, nbf, exp, jti", async () => {
    const token = await mintAppToken(claims);
    expect(decodeProtectedHeader(token).alg).toBe("HS256");
    const { payload } = await jwtVerify(token, new TextEncoder().encode(DEV_APP_SECRET), {
      algorithms: ["HS256"],
      issuer: APP_TOKEN_ISSUER,
      audience: "extension-1",
    });
    expect(payload).toMatchObject({ nameid: "user-1", tid: "tenant-1" });
    expect(typeof payload.jti).toBe("string");
    expect((payload.exp ?? 0) - (payload.nbf ?? 0)).toBe(APP_TOKEN_LIFETIME_SECONDS);
  });

  it("is refused with another secret and once expired", async () => {
    const token = await mintAppToken(claims);
    await expect(jwtVerify(token, new TextEncoder().encode("other-secret"))).rejects.toThrow();
    const old = await mintAppToken(
      claims,
      DEV_APP_SECRET,
      Math.floor(Date.now() / 1000) - 2 * APP_TOKEN_LIFETIME_SECONDS,
    );
    await expect(jwtVerify(old, new TextEncoder().encode(DEV_APP_SECRET))).rejects.toThrow(/exp/);
  });
});
