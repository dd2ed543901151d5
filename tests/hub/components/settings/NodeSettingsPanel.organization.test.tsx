import { fireEvent, screen, within } from "@testing-library/react";

import {
  canonicalOrganizationUrl,
  sameOrganization,
} from "../../../../src/hub/components/settings/organizationUrlRules";
import { connection, FAKE_NODE_INFO, type FakeBackend } from "../../../helpers/fake-node";
import { findTable, renderHub, restoreParent, setUpHub } from "../../helpers/hub-harness";

jest.mock("azure-devops-extension-sdk", () => require("../../helpers/sdk-mock").sdkMock.sdk);

let backend: FakeBackend;

beforeEach(() => {
  backend = setUpHub();
  backend.connections.push(connection());
});

afterEach(restoreParent);

/** The node answers `GET /api/v1/node` with this organization URL. */
function nodeServes(organizationUrl: string | null): void {
  backend.failures.set("GET /api/v1/node", {
    status: 200,
    body: { ...FAKE_NODE_INFO, organizationUrl },
  });
}

async function openNodeSettings(): Promise<HTMLElement> {
  await renderHub();
  await findTable();
  fireEvent.click(screen.getByRole("menuitem", { name: "Node settings" }));
  return screen.findByRole("region", { name: "Azure DevOps organization" }, { timeout: 5000 });
}

test("the organization URL the node serves is shown read-only; no warning when it is this one", async () => {
  const section = await openNodeSettings();
  const field = await screen.findByRole("textbox", { name: "Organization URL" });
  expect((field as HTMLInputElement).value).toBe("http://ado.test/contoso");
  expect((field as HTMLInputElement).readOnly).toBe(true);
  expect(section.textContent).toContain("AZDO_ORG_URL");
  expect(within(section).queryByRole("alert")).toBeNull();
});

test("a node of another organization gets a warning naming both and the setting to change", async () => {
  nodeServes("http://ado.test/fabrikam");
  const section = await openNodeSettings();
  const alert = await within(section).findByRole("alert");
  expect(alert.textContent).toContain("This sync node serves http://ado.test/fabrikam");
  expect(alert.textContent).toContain("this hub runs in http://ado.test/contoso/");
  expect(alert.textContent).toContain(
    "set AZDO_ORG_URL=http://ado.test/contoso on the node and restart it",
  );
});

test("a node without an organization URL is told what to set", async () => {
  nodeServes(null);
  const section = await openNodeSettings();
  expect(await screen.findByText(/This sync node has no organization URL/)).toBeTruthy();
  expect(section.textContent).toContain("Set AZDO_ORG_URL=http://ado.test/contoso on the node");
  expect(screen.queryByRole("textbox", { name: "Organization URL" })).toBeNull();
});

test("a node that cannot be reached shows the error with Retry, which loads again", async () => {
  backend.failures.set("GET /api/v1/node", { status: 503 });
  await openNodeSettings();
  const retry = await screen.findByRole("button", { name: "Retry" });
  backend.failures.delete("GET /api/v1/node");
  fireEvent.click(retry);
  expect(await screen.findByRole("textbox", { name: "Organization URL" })).toBeTruthy();
});

describe("sameOrganization", () => {
  test("ignores case, a trailing slash and the visualstudio.com address of an organization", () => {
    expect(
      sameOrganization("https://dev.azure.com/Contoso/", "https://DEV.azure.com/contoso"),
    ).toBe(true);
    expect(
      sameOrganization("https://contoso.visualstudio.com", "https://dev.azure.com/contoso"),
    ).toBe(true);
    expect(canonicalOrganizationUrl("http://server:8080/tfs/DefaultCollection/")).toBe(
      "http://server:8080/tfs/defaultcollection",
    );
  });

  test("tells different organizations and collections apart", () => {
    expect(
      sameOrganization("https://dev.azure.com/contoso", "https://dev.azure.com/fabrikam"),
    ).toBe(false);
    expect(
      sameOrganization("http://server/tfs/DefaultCollection", "http://server/tfs/OtherCollection"),
    ).toBe(false);
  });
});
