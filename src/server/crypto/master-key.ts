/**
 * The master key that encrypts secrets at rest: from `MASTER_KEY` (base64 of 32 bytes) or,
 * when absent, from `<DATA_DIR>/master.key`, generated on first start (mode 0600).
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { ConfigError } from "../config";

const KEY_BYTES = 32;
/** File name of the generated key inside DATA_DIR. */
export const MASTER_KEY_FILE = "master.key";

function decode(source: string, base64: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(source, "must be the base64 encoding of exactly 32 bytes");
  }
  return key;
}

/**
 * Returns the 32-byte master key.
 * @param configured the `MASTER_KEY` value, or null to use (or create) the key file
 * @param dataDir where the key file lives
 * @throws ConfigError when the configured value or the key file is not 32 bytes of base64
 */
export async function loadMasterKey(configured: string | null, dataDir: string): Promise<Buffer> {
  if (configured !== null) return decode("MASTER_KEY", configured);
  const file = path.join(dataDir, MASTER_KEY_FILE);
  try {
    return decode(file, await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // "wx": never overwrite a key another process wrote meanwhile; that one wins on re-read.
  try {
    await writeFile(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return decode(file, await readFile(file, "utf8"));
  }
}
