import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { loadMasterKey, MASTER_KEY_FILE } from "../../../src/server/crypto/master-key";
import { SecretBox } from "../../../src/server/crypto/secret-box";

describe("secret box", () => {
  const box = new SecretBox(Buffer.alloc(32, 1));

  test("seals to opaque text and opens with the same key and context", () => {
    const sealed = box.seal("pat-123", "node_settings:sync_pat");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("pat-123");
    expect(box.seal("pat-123", "node_settings:sync_pat")).not.toBe(sealed);
    expect(box.open(sealed, "node_settings:sync_pat")).toBe("pat-123");
  });

  test("another context, another key or an edited value does not open", () => {
    const sealed = box.seal("secret", "a");
    expect(() => box.open(sealed, "b")).toThrow("cannot be decrypted");
    expect(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed, "a")).toThrow(
      "cannot be decrypted",
    );
    const edited = sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BB" : "AA");
    expect(() => box.open(edited, "a")).toThrow();
    expect(() => box.open("plain", "a")).toThrow("Unknown sealed secret format");
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow("32 bytes");
  });
});

describe("master key", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "master-key-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  test("is generated once into DATA_DIR with mode 0600 and reused", async () => {
    const first = await loadMasterKey(null, dir);
    const second = await loadMasterKey(null, dir);
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    const file = path.join(dir, MASTER_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(file, "utf8")).trim(), "base64").equals(first)).toBe(true);
  });

  test("MASTER_KEY wins; a wrong length is a configuration error naming the variable", async () => {
    const configured = Buffer.alloc(32, 5).toString("base64");
    expect((await loadMasterKey(configured, dir)).equals(Buffer.alloc(32, 5))).toBe(true);
    await expect(loadMasterKey("c2hvcnQ=", dir)).rejects.toThrow("MASTER_KEY");
    await writeFile(path.join(dir, MASTER_KEY_FILE), "c2hvcnQ=\n");
    await expect(loadMasterKey(null, dir)).rejects.toThrow("32 bytes");
  });
});
