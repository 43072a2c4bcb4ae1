/**
 * Encryption at rest for installations (they hold bot, user and refresh tokens): AES-256-GCM from Node's
 * `crypto`, a random 12-byte IV per record, the 16-byte auth tag, and a key version byte so the key can be
 * rotated (new records use the current key; older ones still open with the previous keys).
 *
 * Stored form, base64 text (the same column type in SQLite and PostgreSQL):
 *
 *   [key version: 1 byte][IV: 12 bytes][auth tag: 16 bytes][ciphertext]
 *
 * The caller passes associated data (the row's key, e.g. "team:T123"), which is authenticated but not
 * stored: a ciphertext copied onto another team's row fails to open, as does any changed byte.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
const ALGORITHM = "aes-256-gcm";

/** The environment variable the app reads the key from; named in every message about the key. */
export const ENCRYPTION_KEY_VARIABLE = "TOKEN_ENCRYPTION_KEY";

const HOW_TO_MAKE = "generate one with: openssl rand -hex 32";

/** A bad key (parse) or a record that does not open (wrong key, unknown key version, altered data). */
export class TokenCryptoError extends Error {
  override readonly name = "TokenCryptoError";
}

/**
 * Reads a 32-byte key written as 64 hex characters or as base64 (standard or URL-safe, padding optional).
 * @throws TokenCryptoError naming the variable; the value itself is never echoed.
 */
export function parseEncryptionKey(value: string | undefined, variable = ENCRYPTION_KEY_VARIABLE): Buffer {
  const text = (value ?? "").trim();
  if (text === "") throw new TokenCryptoError(`${variable} is missing: ${HOW_TO_MAKE}.`);
  const isHex = /^[0-9a-f]+$/i.test(text);
  if (isHex && text.length === KEY_BYTES * 2) return Buffer.from(text, "hex");
  const isBase64 = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text);
  const bytes = isBase64 ? Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64") : undefined;
  if (bytes?.length === KEY_BYTES) return bytes;
  if (isHex) {
    throw new TokenCryptoError(
      `${variable} looks like hex but has ${text.length} characters; a 32-byte key is 64 hex characters: ${HOW_TO_MAKE}.`,
    );
  }
  if (bytes !== undefined) {
    throw new TokenCryptoError(
      `${variable} must be 32 bytes, but its base64 decodes to ${bytes.length} bytes: ${HOW_TO_MAKE} (or openssl rand -base64 32).`,
    );
  }
  throw new TokenCryptoError(
    `${variable} must be 32 bytes written as 64 hex characters or as base64 (it holds other characters): ${HOW_TO_MAKE}.`,
  );
}

export interface TokenCipherOptions {
  /** The current key: new records are encrypted with it. */
  key: Buffer;
  /** Its version, 1 to 255 (default 1), written in each record's first byte. */
  keyVersion?: number;
  /** Keys retired by rotation, by version: records written with them still open. */
  previousKeys?: ReadonlyMap<number, Buffer>;
  /** Named in error messages (default TOKEN_ENCRYPTION_KEY). */
  variable?: string;
}

export interface TokenCipher {
  readonly keyVersion: number;
  /** Encrypts `plaintext` bound to `associatedData`; returns base64 text. */
  encrypt(plaintext: string, associatedData: string): string;
  /** @throws TokenCryptoError when the key is wrong, the version unknown or the data altered. */
  decrypt(stored: string, associatedData: string): string;
}

function checkKey(key: Buffer, version: number, variable: string): void {
  if (!Number.isInteger(version) || version < 1 || version > 255) {
    throw new TokenCryptoError(
      `${variable}: key version must be a whole number from 1 to 255, not ${version}.`,
    );
  }
  if (key.length !== KEY_BYTES) {
    throw new TokenCryptoError(
      `${variable} (version ${version}) must be ${KEY_BYTES} bytes, not ${key.length}.`,
    );
  }
}

export function createTokenCipher(options: TokenCipherOptions): TokenCipher {
  const variable = options.variable ?? ENCRYPTION_KEY_VARIABLE;
  const keyVersion = options.keyVersion ?? 1;
  const keys = new Map<number, Buffer>();
  for (const [version, key] of options.previousKeys ?? []) {
    checkKey(key, version, variable);
    keys.set(version, Buffer.from(key));
  }
  checkKey(options.key, keyVersion, variable);
  keys.set(keyVersion, Buffer.from(options.key));
  const current = keys.get(keyVersion) as Buffer;

  const aad = (version: number, associatedData: string) =>
    Buffer.concat([Buffer.of(version), Buffer.from(associatedData, "utf8")]);

  return {
    keyVersion,
    encrypt(plaintext, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(keyVersion, associatedData));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return Buffer.concat([Buffer.of(keyVersion), iv, cipher.getAuthTag(), body]).toString("base64");
    },
    decrypt(stored, associatedData) {
      const bytes = Buffer.from(stored, "base64");
      if (bytes.length < HEADER_BYTES) {
        throw new TokenCryptoError(
          `The encrypted record for ${associatedData} is truncated or not encrypted.`,
        );
      }
      const version = bytes[0] as number;
      const key = keys.get(version);
      if (key === undefined) {
        const known = [...keys.keys()].sort((a, b) => a - b).join(", ");
        throw new TokenCryptoError(
          `The record for ${associatedData} was encrypted with key version ${version}, but ${variable} provides version ${known} only: configure the key it was written with.`,
        );
      }
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, HEADER_BYTES);
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(version, associatedData));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new TokenCryptoError(
          `The record for ${associatedData} does not open with ${variable} (key version ${version}): the key is not the one it was stored with, or the stored data was altered.`,
        );
      }
    },
  };
}
