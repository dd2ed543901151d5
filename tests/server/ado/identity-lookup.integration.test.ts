import { identityServiceUrl } from "../../../src/server/ado/ado-http";
import { IdentityDirectory } from "../../../src/server/ado/identity-lookup";
import { type AdoFixture, startAdoFixture } from "../../helpers/ado-emulator-fixture";

describe("identity lookup by e-mail", () => {
  let fx: AdoFixture;
  beforeAll(async () => {
    fx = await startAdoFixture();
  });
  afterAll(() => fx.emulator.close());

  it("finds a user by e-mail, case-insensitively, and caches misses", async () => {
    const directory = new IdentityDirectory(fx.http);
    const max = await directory.byEmail("Max@Contoso.example");
    expect(max).toMatchObject({
      id: fx.emulator.users.max,
      uniqueName: "max@contoso.example",
      displayName: "Max Member",
    });
    expect(await directory.byEmail("ghost@contoso.example")).toBeUndefined();
    fx.emulator.faults.add({
      kind: "serverError",
      path: "/_apis/identities",
      status: 500,
      count: 10,
    });
    expect(await directory.byEmail("ghost@contoso.example")).toBeUndefined(); // from the cache
    expect(fx.emulator.faults.hits().serverError).toBe(0);
    fx.emulator.faults.clear();
  });

  it("uses vssps for Services organizations and the collection URL elsewhere", () => {
    expect(identityServiceUrl("https://dev.azure.com/contoso")).toBe(
      "https://vssps.dev.azure.com/contoso",
    );
    expect(identityServiceUrl("https://contoso.visualstudio.com")).toBe(
      "https://contoso.vssps.visualstudio.com",
    );
    expect(identityServiceUrl("https://tfs.example.com/DefaultCollection")).toBe(
      "https://tfs.example.com/DefaultCollection",
    );
  });
});
