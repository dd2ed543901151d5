/**
 * Encryption of secrets at rest (docs/architecture.md#invariants): AES-256-GCM under the node's
 * master key.
 *
 * Sealed format (text, safe for any column): `v1.<base64url(iv)>.<base64url(tag)>.<base64url(ciphertext)>`.
 * Each secret is sealed with a context string (e.g. `node_settings:invitation_signing_key`) as
 * additional authenticated data, so a ciphertext copied into another slot does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** 12-byte IV: the size GCM is specified for (NIST SP 800-38D); random per seal. */
const IV_BYTES = 12;
const KEY_BYTES = 32;
const FORMAT = "v1";

/** Thrown when a sealed value cannot be opened (wrong key, wrong context, corrupted). */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/** Seals and opens secrets under one 32-byte key. */
export class SecretBox {
  readonly #key: Buffer;

  /** @param key exactly 32 bytes (AES-256) */
  constructor(key: Uint8Array) {
    if (key.length !== KEY_BYTES) throw new SecretBoxError("The master key must be 32 bytes.");
    this.#key = Buffer.from(key);
  }

  /** Encrypts `plaintext` bound to `context`; returns the sealed text. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
    return [FORMAT, ...parts].join(".");
  }

  /**
   * Decrypts a value made by `seal` with the same context.
   * @throws SecretBoxError when the format, key or context does not match
   */
  open(sealed: string, context: string): string {
    const [format, iv, tag, body] = sealed.split(".");
    if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined) {
      throw new SecretBoxError("Unknown sealed secret format.");
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(body, "base64url")),
        decipher.final(),
      ]);
      return plain.toString("utf8");
    } catch {
      throw new SecretBoxError("The secret cannot be decrypted with this master key.");
    }
  }
}
