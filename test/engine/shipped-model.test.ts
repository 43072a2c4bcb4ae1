import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEV_SET, loadHeldOut } from "../../scripts/eval/held-out.js";
import {
  buildUnderstander,
  getKnowledge,
  type Knowledge,
  loadUnderstander,
  understandWith,
} from "../../src/engine/index.js";
import { defaultDataDir } from "../../src/engine/knowledge.js";
import { trainModel } from "../../src/engine/understand/model.js";
import { DEFAULT_OPTIONS } from "../../src/engine/understand/options.js";
import {
  fingerprint,
  readShipped,
  SHIPPED_MODEL_FILE,
  type ShippedModel,
  ShippedModelSchema,
  toShipped,
} from "../../src/engine/understand/shipped.js";

const k = getKnowledge();
const path = join(defaultDataDir(), SHIPPED_MODEL_FILE);
const onDisk = ShippedModelSchema.parse(JSON.parse(readFileSync(path, "utf8")));

function floats(base64: string): Float32Array {
  const bytes = Buffer.from(base64, "base64");
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function withoutTables(m: ShippedModel) {
  return { ...m, kinds: { ...m.kinds, table: "" }, features: { ...m.features, table: "" } };
}

/** The knowledge base with one more admin example, in a word no example uses. */
function withNewExample(): Knowledge {
  const features = {
    ...k.examples.features,
    admin: [...(k.examples.features.admin ?? []), "zorblax screens"],
  };
  return { ...k, examples: { ...k.examples, features } };
}

describe("the shipped understanding model (data/generated/understanding-model.json)", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("was trained on today's examples, aliases and options (else: npm run train)", () => {
    expect(onDisk.fingerprint).toBe(fingerprint(k, DEFAULT_OPTIONS));
    expect(readShipped(k, DEFAULT_OPTIONS)).toBeDefined();
  });

  it("is what training gives today, weight for weight (else: npm run train)", () => {
    const fresh = toShipped(trainModel(k, DEFAULT_OPTIONS), fingerprint(k, DEFAULT_OPTIONS));
    expect(withoutTables(onDisk)).toEqual(withoutTables(fresh));
    for (const which of ["kinds", "features"] as const) {
      const a = floats(onDisk[which].table);
      const b = floats(fresh[which].table);
      expect(a.length).toBe(b.length);
      let worst = 0;
      for (let i = 0; i < a.length; i++)
        worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
      expect(worst, which).toBeLessThan(1e-5);
    }
  });

  it("reads every development question exactly as the model trained now does", () => {
    const loaded = loadUnderstander(k);
    const trained = buildUnderstander(k);
    for (const { text } of loadHeldOut(DEV_SET)) {
      expect(understandWith(loaded, text), text).toEqual(understandWith(trained, text));
    }
  });

  it("is not used for a knowledge base it was not trained on: that one is trained", () => {
    const changed = withNewExample();
    expect(readShipped(changed, DEFAULT_OPTIONS)).toBeUndefined();
    const u = loadUnderstander(changed);
    expect(u.featureStems.has("zorblax")).toBe(true);
    expect(loadUnderstander(k).featureStems.has("zorblax")).toBe(false);
  });

  // The quick take's cues are decision words: a new cue needs a model trained with it (a reviewer's find).
  it("is not used once the quick take's cues change", () => {
    const cues = { ...k.examples.profileCues, size: { ...k.examples.profileCues.size } };
    cues.size.small = [...(cues.size.small ?? []), "zorblax portal"];
    const changed = { ...k, examples: { ...k.examples, profileCues: cues } };
    expect(readShipped(changed, DEFAULT_OPTIONS)).toBeUndefined();
    expect(loadUnderstander(changed).decisionStems.has("zorblax")).toBe(true);
  });

  it("is not used when the file is missing, broken or of another shape", () => {
    const dir = mkdtempSync(join(tmpdir(), "shipped-"));
    dirs.push(dir);
    expect(readShipped(k, DEFAULT_OPTIONS, join(dir, "none.json"))).toBeUndefined();
    writeFileSync(join(dir, "broken.json"), "{ not json");
    expect(readShipped(k, DEFAULT_OPTIONS, join(dir, "broken.json"))).toBeUndefined();
    writeFileSync(join(dir, "shape.json"), JSON.stringify({ ...onDisk, kinds: { labels: [] } }));
    expect(readShipped(k, DEFAULT_OPTIONS, join(dir, "shape.json"))).toBeUndefined();
    writeFileSync(join(dir, "copy.json"), JSON.stringify(onDisk));
    expect(readShipped(k, DEFAULT_OPTIONS, join(dir, "copy.json"))).toBeDefined();
  });

  it("refuses a table that does not match its features and labels", () => {
    const dir = mkdtempSync(join(tmpdir(), "shipped-"));
    dirs.push(dir);
    const short = { ...onDisk, kinds: { ...onDisk.kinds, table: Buffer.alloc(8).toString("base64") } };
    writeFileSync(join(dir, "short.json"), JSON.stringify(short));
    expect(() => readShipped(k, DEFAULT_OPTIONS, join(dir, "short.json"))).not.toThrow();
    expect(readShipped(k, DEFAULT_OPTIONS, join(dir, "short.json"))).toBeUndefined();
  });

  it("refuses nearest examples whose rows are not the kind classifier's", () => {
    const dir = mkdtempSync(join(tmpdir(), "shipped-"));
    dirs.push(dir);
    // The same number of rows, one of them past the kind classifier's last.
    const bytes = Buffer.from(onDisk.neighbours.rows, "base64");
    const rows = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(rows.length).toBeGreaterThan(1000);
    rows[0] = onDisk.kinds.features.length;
    const beyond = Buffer.from(rows.buffer).toString("base64");
    const bad = { ...onDisk, neighbours: { ...onDisk.neighbours, rows: beyond } };
    writeFileSync(join(dir, "rows.json"), JSON.stringify(bad));
    expect(readShipped(k, DEFAULT_OPTIONS, join(dir, "rows.json"))).toBeUndefined();
    const noStarts = { ...onDisk, neighbours: { ...onDisk.neighbours, starts: "" } };
    writeFileSync(join(dir, "starts.json"), JSON.stringify(noStarts));
    expect(readShipped(k, DEFAULT_OPTIONS, join(dir, "starts.json"))).toBeUndefined();
  });
});
