/** The node's Azure DevOps identity client against the emulator (src/devhost/emulator). */
import { type Emulator, startEmulator } from "../../../src/devhost/emulator/emulator";
import { AdoIdentityClient } from "../../../src/server/ado/ado-identity";
import { AdminVerifier } from "../../../src/server/auth/admin-verifier";

let emulator: Emulator;
let client: AdoIdentityClient;
beforeAll(async () => {
  emulator = await startEmulator({ organization: "contoso", port: 0 });
  client = new AdoIdentityClient({ organizationUrl: emulator.url });
});
afterAll(() => emulator.close());

test("a Project Collection Administrator is verified; a member is not an admin", async () => {
  const verifier = new AdminVerifier(client);
  const ada = await emulator.issueAccessToken(emulator.users.ada);
  const user = await verifier.verify(ada);
  expect(user.id).toBe(emulator.users.ada);
  const max = await emulator.issueAccessToken(emulator.users.max);
  await expect(verifier.verify(max)).rejects.toMatchObject({
    code: "SYNC_ERR_AUTH_NOT_ADMIN",
    status: 403,
  });
  await expect(verifier.verify("not-a-token")).rejects.toMatchObject({
    code: "SYNC_ERR_AUTH_ACCESS_TOKEN_INVALID",
  });
});

test("projects are looked up by id; an unknown id is null", async () => {
  const ada = await emulator.issueAccessToken(emulator.users.ada);
  const response = await fetch(`${emulator.url}/_apis/projects?api-version=7.1`, {
    headers: { authorization: `Bearer ${ada}` },
  });
  const projects = (await response.json()) as { value: Array<{ id: string; name: string }> };
  const alpha = projects.value.find((project) => project.name === "Alpha");
  expect(alpha).toBeDefined();
  expect(await client.getProject(ada, alpha!.id)).toEqual({ id: alpha!.id, name: "Alpha" });
  expect(await client.getProject(ada, "00000000-0000-4000-8000-000000000000")).toBeNull();
});
