import { coreApiVersion, listProjects } from "../../../src/hub/services/projects";
import { ORGANIZATION_URL, sdkMock } from "../helpers/sdk-mock";

jest.mock("azure-devops-extension-sdk", () => require("../helpers/sdk-mock").sdkMock.sdk);

test.each([
  [true, "", "7.1"],
  [false, "19.205.33122.1", "7.0"],
  [false, "Azure DevOps Server 2022", "7.0"],
  [false, "18.170.30525.1", "6.0"],
  [false, "Azure DevOps Server 2020 Update 1", "6.0"],
  [false, "17.153.29207.5", "5.0"],
  [false, "20.256.36719.1", "7.0"],
  [false, "", "6.0"],
])("isHosted=%s serviceVersion=%j -> api-version %s", (isHosted, serviceVersion, expected) => {
  expect(coreApiVersion({ isHosted, serviceVersion })).toBe(expected);
});

test("lists projects with the host's api-version and the access token, following continuation", async () => {
  sdkMock.reset();
  const calls: { url: string; auth: string }[] = [];
  (globalThis as { fetch?: unknown }).fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, auth: (init.headers as Record<string, string>).authorization });
    const first = calls.length === 1;
    const value = first ? [{ id: "2", name: "Zeta" }] : [{ id: "1", name: "Alpha" }, { bad: 1 }];
    return {
      ok: true,
      status: 200,
      json: async () => ({ count: value.length, value }),
      headers: {
        get: (name: string) => (first && name === "x-ms-continuationtoken" ? "tok 1" : null),
      },
    };
  };
  const host = {
    organizationName: "c",
    isHosted: false,
    serviceVersion: "18.170.1.1",
    userDisplayName: "",
    extensionId: "",
  };
  const projects = await listProjects(host);
  expect(projects).toEqual([
    { id: "1", name: "Alpha" },
    { id: "2", name: "Zeta" },
  ]);
  expect(calls[0].url).toBe(`${ORGANIZATION_URL}_apis/projects?api-version=6.0&%24top=500`);
  expect(calls[1].url).toContain("continuationToken=tok+1");
  expect(calls[0].auth).toBe("Bearer access-token-1");
});

test("a refusal from Azure DevOps becomes SYNC_ERR_ADO_REJECTED", async () => {
  sdkMock.reset();
  (globalThis as { fetch?: unknown }).fetch = async () => ({ ok: false, status: 401 });
  const host = {
    organizationName: "c",
    isHosted: true,
    serviceVersion: "",
    userDisplayName: "",
    extensionId: "",
  };
  await expect(listProjects(host)).rejects.toMatchObject({ code: "SYNC_ERR_ADO_REJECTED" });
});
