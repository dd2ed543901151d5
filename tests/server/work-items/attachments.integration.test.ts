import {
  attachedFiles,
  downloadAttachment,
  uploadAttachment,
} from "../../../src/server/ado/attachment-api";
import { getWorkItem } from "../../../src/server/ado/work-item-api";
import { linkAttachment } from "../../../src/server/work-items/attachment-link";
import { attachFiles, type AttachmentFile } from "../../../src/server/work-items/attachment-sync";
import { createWorkItem } from "../../../src/server/work-items/work-item-save";
import { type AdoFixture, startAdoFixture } from "../../helpers/ado-emulator-fixture";

const file = (name: string, size: number): AttachmentFile => ({
  name,
  size,
  read: async () => new Uint8Array(size).fill(66),
});

describe("attachments against the emulator", () => {
  let fx: AdoFixture;
  beforeAll(async () => {
    fx = await startAdoFixture({ attachmentMaxBytes: 2048, attachmentsPerWorkItem: 3 });
  });
  afterAll(() => fx.emulator.close());

  const newItem = async () =>
    (
      await createWorkItem(fx.http, {
        project: "Alpha",
        type: "Bug",
        fields: { "System.Title": "Files" },
      })
    ).workItem;

  it("uploads bytes, downloads the same bytes", async () => {
    const bytes = new TextEncoder().encode("hello attachments \u00e9");
    const reference = await uploadAttachment(fx.http, "Alpha", "hello.txt", bytes);
    expect(reference.url).toContain(reference.id);
    expect(Buffer.from(await downloadAttachment(fx.http, reference.url))).toEqual(
      Buffer.from(bytes),
    );
  });

  it("attaches what fits; too large and over-the-limit files are warnings with name, size and code", async () => {
    const item = await newItem();
    const files = [
      file("a.txt", 10),
      file("big.bin", 4096),
      file("b.txt", 10),
      file("c.txt", 10),
      file("d.txt", 10),
    ];
    const results = await attachFiles(fx.http, files, {
      project: "Alpha",
      workItemId: item.id,
      existingCount: 0,
    });
    expect(results.map((r) => r.status)).toEqual(["ok", "skipped", "ok", "ok", "skipped"]);
    expect(results[1].warnings[0]).toMatchObject({
      code: "ATTACHMENT_TOO_LARGE",
      details: { fileName: "big.bin", size: 4096, serverCode: "VS403313" },
    });
    expect(results[4].warnings[0]).toMatchObject({
      code: "ATTACHMENT_LIMIT_REACHED",
      details: { fileName: "d.txt" },
    });
    const read = await getWorkItem(fx.http, item.id);
    expect(attachedFiles(read).map((r) => r.attributes?.name)).toEqual(["a.txt", "b.txt", "c.txt"]);
  });

  it("links an attachment once even when the answer is lost", async () => {
    const item = await newItem();
    const reference = await uploadAttachment(
      fx.http,
      "Alpha",
      "lost.txt",
      new Uint8Array([1, 2, 3]),
    );
    fx.emulator.faults.add({
      kind: "dropAfterApply",
      method: "PATCH",
      path: `/workitems/${item.id}`,
    });
    const linked = await linkAttachment(fx.http, {
      project: "Alpha",
      workItemId: item.id,
      url: reference.url,
      name: "lost.txt",
    });
    expect(attachedFiles(linked).map((r) => r.url)).toEqual([reference.url]);
    expect(attachedFiles(await getWorkItem(fx.http, item.id))).toHaveLength(1);
    expect(fx.emulator.faults.hits().dropAfterApply).toBe(1);
  });
});
