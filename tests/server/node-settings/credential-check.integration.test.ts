import type { Emulator } from "../../../src/devhost/emulator/emulator";
import { DEFAULT_SEED_USERS } from "../../../src/devhost/emulator/seed";
import { verifyCredential } from "../../../src/server/node-settings/credential-check";
import { isSyncError } from "../../../src/shared/errors";
import { startAdoFixture } from "../../helpers/ado-emulator-fixture";

describe("verifyCredential (the background-sync PAT check)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    const seedUsers = [
      ...DEFAULT_SEED_USERS,
      // Rights only through a nested group: Organization Admins -> Project Collection Administrators.
      { key: "nina", displayName: "Nina Nested", admin: true, contributorOf: [] },
    ];
    ({ emulator } = await startAdoFixture({ seedUsers }));
  });
  afterAll(() => emulator.close());

  const verify = (pat: string, project?: string) =>
    verifyCredential(pat, { organizationUrl: emulator.url, project }).catch(
      (error: unknown) => error,
    );

  it("accepts a working PAT and names its identity and project", async () => {
    const pat = await emulator.createPat({ userId: emulator.users.sync });
    const result = await verifyCredential(pat, { organizationUrl: emulator.url, project: "Beta" });
    expect(result.project).toBe("Beta");
    expect(result.user.id).toBe(emulator.users.sync);
  });

  it("counts rights held only through a nested group", async () => {
    const pat = await emulator.createPat({ userId: emulator.users.nina });
    const result = await verify(pat, "Alpha");
    expect(isSyncError(result)).toBe(false);
  });

  it("refuses an unknown or expired token as invalid", async () => {
    const expired = await emulator.createPat({
      userId: emulator.users.sync,
      expiresAt: new Date(Date.now() - 60_000),
    });
    for (const pat of ["not-a-real-token", expired]) {
      const error = await verify(pat);
      expect(isSyncError(error) && error.code).toBe("SYNC_ERR_CREDENTIAL_INVALID");
    }
  });

  it("names the missing permission: write work items for a reader", async () => {
    const pat = await emulator.createPat({ userId: emulator.users.rita });
    const error = await verify(pat, "Alpha");
    expect(isSyncError(error) && error.code).toBe("SYNC_ERR_CREDENTIAL_PERMISSION");
    expect(isSyncError(error) && error.details?.permission).toBe("write work items");
  });

  it("names the missing permission for a PAT without the needed scopes", async () => {
    const noProjects = await emulator.createPat({
      userId: emulator.users.sync,
      scopes: ["vso.work_write"],
    });
    const readOnly = await emulator.createPat({
      userId: emulator.users.sync,
      scopes: ["vso.project", "vso.work"],
    });
    const first = await verify(noProjects);
    const second = await verify(readOnly);
    expect(isSyncError(first) && first.details?.permission).toBe("read projects");
    expect(isSyncError(second) && second.details?.permission).toBe("write work items");
  });
});
