import { productFromOutOfRange } from "../../../src/server/ado/ado-api-version";
import { AdoHttp } from "../../../src/server/ado/ado-http";
import { createWorkItem } from "../../../src/server/work-items/work-item-save";
import { startAdoFixture } from "../../helpers/ado-emulator-fixture";

describe("api-version per product", () => {
  it("reads the product from the out-of-range answer", () => {
    const message = (v: string) =>
      `The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is ${v}.`;
    expect(productFromOutOfRange(message("7.0"))).toBe("server2022");
    expect(productFromOutOfRange(message("6.0"))).toBe("server2020");
    expect(productFromOutOfRange("TF400813: not authorized")).toBeUndefined();
  });

  it("detects Azure DevOps Server 2022 with one probe and then speaks 7.0", async () => {
    const fx = await startAdoFixture({ product: "server2022" });
    try {
      const created = await createWorkItem(fx.http, {
        project: "Alpha",
        type: "Bug",
        fields: { "System.Title": "On Server" },
      });
      expect(created.workItem.fields["System.Title"]).toBe("On Server");
      expect(await fx.http.productInUse()).toBe("server2022");
      expect((await fx.http.versions()).markdownComments).toBe(false);
    } finally {
      await fx.emulator.close();
    }
  });

  it("detects Services and speaks 7.1", async () => {
    const fx = await startAdoFixture({ product: "services" });
    try {
      expect(await fx.http.productInUse()).toBe("services");
      expect(await fx.http.versions()).toEqual({
        standard: "7.1",
        comments: "7.1-preview.4",
        markdownComments: true,
      });
    } finally {
      await fx.emulator.close();
    }
  });

  it("does not remember a failed probe (a wrong credential is not a product)", async () => {
    const fx = await startAdoFixture();
    try {
      const bad = new AdoHttp({
        organizationUrl: fx.emulator.url,
        credential: { kind: "pat", token: "wrong" },
      });
      await expect(bad.productInUse()).rejects.toMatchObject({ code: "SYNC_ERR_ADO_REJECTED" });
      await expect(bad.productInUse()).rejects.toMatchObject({
        details: expect.objectContaining({ status: 401 }),
      });
    } finally {
      await fx.emulator.close();
    }
  });
});
