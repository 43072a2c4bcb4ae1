import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, parseEncryptionKey, TokenCryptoError } from "../../src/storage/index.js";

const KEY = randomBytes(32);

describe("parseEncryptionKey", () => {
  it("reads 32 bytes as hex or base64 (standard or URL-safe, padded or not)", () => {
    expect(parseEncryptionKey(KEY.toString("hex"))).toEqual(KEY);
    expect(parseEncryptionKey(KEY.toString("hex").toUpperCase())).toEqual(KEY);
    expect(parseEncryptionKey(KEY.toString("base64"))).toEqual(KEY);
    expect(parseEncryptionKey(KEY.toString("base64url"))).toEqual(KEY);
    expect(parseEncryptionKey(`  ${KEY.toString("hex")}\n`)).toEqual(KEY);
  });

  it.each([
    [undefined, /TOKEN_ENCRYPTION_KEY is missing/],
    ["", /TOKEN_ENCRYPTION_KEY is missing/],
    ["abcdef0123", /looks like hex but has 10 characters; a 32-byte key is 64 hex characters/],
    [randomBytes(16).toString("base64"), /base64 decodes to 16 bytes/],
    ["not a key at all!", /64 hex characters or as base64/],
  ])("rejects %j with a clear message", (value, message) => {
    expect(() => parseEncryptionKey(value)).toThrow(TokenCryptoError);
    expect(() => parseEncryptionKey(value)).toThrow(message);
  });

  it("names the variable it was given and never echoes the value", () => {
    const value = `${KEY.toString("hex")}ff`;
    try {
      parseEncryptionKey(value, "MY_KEY");
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/^MY_KEY /);
      expect((err as Error).message).not.toContain(value.slice(0, 16));
    }
  });
});

describe("createTokenCipher", () => {
  const cipher = createTokenCipher({ key: KEY });

  it("round-trips, with a fresh IV each time and the key version in the first byte", () => {
    const a = cipher.encrypt("xoxb-secret", "team:T1");
    const b = cipher.encrypt("xoxb-secret", "team:T1");
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")[0]).toBe(1);
    expect(Buffer.from(a, "base64").length).toBe(1 + 12 + 16 + "xoxb-secret".length);
    expect(cipher.decrypt(a, "team:T1")).toBe("xoxb-secret");
    expect(Buffer.from(a, "base64").toString("latin1")).not.toContain("xoxb");
  });

  it("fails clearly with the wrong key, other associated data, or any altered byte", () => {
    const stored = cipher.encrypt("xoxb-secret", "team:T1");
    const wrong = createTokenCipher({ key: randomBytes(32) });
    expect(() => wrong.decrypt(stored, "team:T1")).toThrow(
      /does not open with TOKEN_ENCRYPTION_KEY \(key version 1\): the key is not the one it was stored with, or the stored data was altered/,
    );
    expect(() => cipher.decrypt(stored, "team:T2")).toThrow(TokenCryptoError);
    const bytes = Buffer.from(stored, "base64");
    for (const i of [1, 13, 29, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[i] = (altered[i] as number) ^ 1;
      expect(() => cipher.decrypt(altered.toString("base64"), "team:T1")).toThrow(TokenCryptoError);
    }
    expect(() => cipher.decrypt("AAAA", "team:T1")).toThrow(/truncated or not encrypted/);
  });

  it("rotates keys: new records use the current version, old ones still open", () => {
    const oldKey = randomBytes(32);
    const before = createTokenCipher({ key: oldKey, keyVersion: 1 }).encrypt("old", "team:T1");
    const rotated = createTokenCipher({ key: KEY, keyVersion: 2, previousKeys: new Map([[1, oldKey]]) });
    expect(rotated.decrypt(before, "team:T1")).toBe("old");
    const after = rotated.encrypt("new", "team:T1");
    expect(Buffer.from(after, "base64")[0]).toBe(2);
    expect(() => createTokenCipher({ key: oldKey }).decrypt(after, "team:T1")).toThrow(
      /encrypted with key version 2, but TOKEN_ENCRYPTION_KEY provides version 1 only/,
    );
  });

  it("refuses keys of the wrong size or version", () => {
    expect(() => createTokenCipher({ key: randomBytes(16) })).toThrow(/must be 32 bytes, not 16/);
    expect(() => createTokenCipher({ key: KEY, keyVersion: 256 })).toThrow(/from 1 to 255/);
  });
});
