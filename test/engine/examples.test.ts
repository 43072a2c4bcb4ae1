import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getKnowledge, loadKnowledge } from "../../src/engine/index.js";
import { DECISION_TOPICS } from "../../src/engine/knowledge-schema.js";
import { words } from "../../src/engine/text.js";
import { labelledExamples } from "../../src/engine/understand/check-examples.js";

const k = getKnowledge();
const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
const EVAL_DIR = fileURLToPath(new URL("../eval/", import.meta.url));

/** The same words, or nearly: at least 4 words each and 80% of their words shared (Jaccard). */
function sameWords(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  if (shared === union) return true;
  return a.size >= 4 && b.size >= 4 && shared / union >= 0.8;
}

describe("data/examples.json", () => {
  it("has at least 20 examples for every feature and every decision topic", () => {
    for (const f of k.features)
      expect(k.examples.features[f.id]?.length ?? 0, f.id).toBeGreaterThanOrEqual(20);
    for (const t of DECISION_TOPICS) expect(k.examples.decisions[t].length, t).toBeGreaterThanOrEqual(20);
  });

  it("has many questions we cannot answer, to learn what is off-topic", () => {
    expect(k.examples.intents.unknown.length).toBeGreaterThanOrEqual(150);
  });

  it("names only features that exist", () => {
    for (const id of Object.keys(k.examples.features)) expect(k.featureById.has(id), id).toBe(true);
  });

  it("puts no example under two features or intents", () => {
    const owner = new Map<string, string>();
    for (const { label, text } of labelledExamples(k.examples)) {
      const key = words(text).join(" ");
      expect(owner.get(key) ?? label, text).toBe(label);
      owner.set(key, label);
    }
  });

  // Every evaluation set but dev.json (our own, tuned on) measures text the examples never copied: no
  // example says the same words as one of its questions, or nearly (one word in or out of four or
  // more). On a failure only the examples and the set's name are printed, never the set's text.
  it("copies no question of the held-out or any other evaluation set, not even nearly", () => {
    const sets = readdirSync(EVAL_DIR).filter((f) => f.endsWith(".json") && f !== "dev.json");
    expect(sets).toContain("held-out.json");
    const examples = labelledExamples(k.examples).map(({ text }) => ({ text, words: new Set(words(text)) }));
    for (const file of sets) {
      const items = JSON.parse(readFileSync(join(EVAL_DIR, file), "utf8")) as Array<{ text: string }>;
      const asked = items.map((item) => new Set(words(item.text)));
      const copied = examples.filter((e) => asked.some((q) => sameWords(e.words, q))).map(({ text }) => text);
      expect(copied, file).toEqual([]);
    }
  });

  function loadWith(change: (examples: Record<string, unknown>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "flask-or-django-examples-"));
    try {
      cpSync(DATA_DIR, dir, { recursive: true });
      const examples = JSON.parse(readFileSync(join(dir, "examples.json"), "utf8"));
      change(examples);
      writeFileSync(join(dir, "examples.json"), JSON.stringify(examples));
      loadKnowledge(dir);
      return "";
    } catch (err) {
      return (err as Error).message;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("stops with the file, the place and the problem when it is broken", () => {
    expect(loadWith((e) => ((e.features as Record<string, string[]>).teleport = ["beam me up"]))).toBe(
      'data/examples.json at features.teleport: unknown feature "teleport"',
    );
    expect(loadWith((e) => (e.features as Record<string, string[]>).admin?.push("Celery?"))).toMatch(
      /^data\/examples\.json at features\.background_tasks\[\d+\]: "celery" is also under features\.admin\[\d+\]/,
    );
    expect(loadWith((e) => ((e.decisions as Record<string, unknown>).flip = []))).toMatch(
      /^data\/examples\.json at decisions\.flip: /,
    );
    expect(loadWith((e) => ((e.profileCues as Record<string, unknown>).colour = { red: ["red"] }))).toBe(
      "data/examples.json at profileCues.colour: unknown single-choice question",
    );
  });
});
