/**
 * manifest.yml against what Slack publishes: the `Manifest` type of @slack/web-api (checked by the
 * TypeScript compiler on the parsed file), the documented limits, and the Workflow Builder step's inputs
 * against the questionnaire in the knowledge base, so the step and the modal never drift apart.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { getKnowledge } from "../../src/engine/index.js";
import { MAX_PROMPTS, suggestedPrompts } from "../../src/slack/blocks/assistant.js";
import { IDS } from "../../src/slack/ids.js";
import { recommendStepDefinition, STEP } from "../../src/slack/services/recommend-step.js";

type Json = Record<string, unknown>;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const k = getKnowledge();
const manifest = parse(readFileSync(new URL("manifest.yml", `file://${ROOT}`), "utf8")) as Json;
const at = (path: string): unknown =>
  path.split(".").reduce<unknown>((v, key) => (v as Json | undefined)?.[key], manifest);
const step = () => (manifest.functions as Record<string, Json>)[IDS.recommendFunction] as Json;

/**
 * Where the SDK's `Manifest` type lags Slack's published schema. Each is stripped before the type check,
 * and probed: the probe must still fail against the SDK's type (else the SDK caught up and the entry must
 * go) while a control value of the same shape passes (so the probe fails for the right reason).
 */
interface SdkGap {
  what: string;
  /** Slack's reference for it. */
  docs: string;
  /** The type it is checked against, from the SDK's own declarations. */
  type: string;
  probe: string;
  control: string;
  /** Removes it from a copy of the manifest; returns how many places held it. */
  strip: (m: Json) => number;
}

function removeFrom(list: unknown, value: string): number {
  if (!Array.isArray(list)) return 0;
  const i = list.indexOf(value);
  if (i < 0) return 0;
  list.splice(i, 1);
  return 1;
}

/** Deletes `key` from every input and output parameter (and from array items) of every step. */
function stripParameterKey(m: Json, key: string): number {
  let n = 0;
  for (const fn of Object.values((m.functions ?? {}) as Record<string, Json>)) {
    for (const side of ["input_parameters", "output_parameters"]) {
      const properties = ((fn[side] as Json | undefined)?.properties ?? {}) as Record<string, Json>;
      for (const p of Object.values(properties)) {
        for (const holder of [p, p.items as Json | undefined]) {
          if (holder && key in holder) {
            delete holder[key];
            n += 1;
          }
        }
      }
    }
  }
  return n;
}

const BOT_SCOPES = `NonNullable<NonNullable<Manifest["oauth_config"]>["scopes"]>["bot"]`;
const BOT_EVENTS = `NonNullable<NonNullable<Manifest["settings"]>["event_subscriptions"]>["bot_events"]`;

const SDK_GAPS: SdkGap[] = [
  {
    what: "the assistant:write bot scope (the agent side pane)",
    docs: "https://docs.slack.dev/reference/scopes/assistant.write",
    type: BOT_SCOPES,
    probe: `["assistant:write"]`,
    control: `["chat:write"]`,
    strip: (m) =>
      removeFrom(((m.oauth_config as Json | undefined)?.scopes as Json | undefined)?.bot, "assistant:write"),
  },
  {
    what: "the canvases:write bot scope (Export as ADR as a canvas)",
    docs: "https://docs.slack.dev/reference/scopes/canvases.write",
    type: BOT_SCOPES,
    probe: `["canvases:write"]`,
    control: `["files:write"]`,
    strip: (m) =>
      removeFrom(((m.oauth_config as Json | undefined)?.scopes as Json | undefined)?.bot, "canvases:write"),
  },
  {
    what: "the function_executed bot event (custom steps)",
    docs: "https://docs.slack.dev/reference/events/function_executed",
    type: BOT_EVENTS,
    probe: `["function_executed"]`,
    control: `["app_mention"]`,
    strip: (m) =>
      removeFrom(
        ((m.settings as Json | undefined)?.event_subscriptions as Json | undefined)?.bot_events,
        "function_executed",
      ),
  },
  ...(["enum", "choices", "items"] as const).map(
    (key): SdkGap => ({
      what: `\`${key}\` on a step parameter`,
      docs:
        key === "items"
          ? "https://docs.slack.dev/reference/types/array-type"
          : "https://docs.slack.dev/reference/types/string-type",
      type: "ManifestParameterProperty",
      probe:
        key === "items"
          ? `{ type: "array", title: "t", items: { type: "string" } }`
          : key === "enum"
            ? `{ type: "string", title: "t", enum: ["a"] }`
            : `{ type: "string", title: "t", choices: [{ value: "a", title: "A" }] }`,
      control: `{ type: "string", title: "t", maxLength: 5 }`,
      strip: (m) => stripParameterKey(m, key),
    }),
  ),
];

/** Type-checks TypeScript sources that import the SDK's manifest types; returns each file's errors. */
function typecheck(files: Record<string, string>): Record<string, string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(files).map(([name, text]) => [`${ROOT}${name}`, text]));
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text !== undefined
      ? ts.createSourceFile(name, text, language)
      : getSourceFile.call(host, name, language, ...rest);
  };
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const out: Record<string, string[]> = {};
  for (const [path] of virtual) {
    const source = program.getSourceFile(path);
    const diagnostics = source
      ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      : [];
    out[path.slice(ROOT.length)] = diagnostics.map((d) =>
      ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    );
  }
  return out;
}

const IMPORT = `import type { Manifest, ManifestParameterProperty } from "@slack/web-api/dist/types/request/manifest.js";\n`;

describe("manifest.yml against the SDK's Manifest type", () => {
  const copy = structuredClone(manifest);
  const found = SDK_GAPS.map((gap) => [gap.what, gap.strip(copy)] as const);
  const files: Record<string, string> = {
    "manifest-check.generated.ts": `${IMPORT}export const manifest: Manifest = ${JSON.stringify(copy, null, 2)};\n`,
  };
  SDK_GAPS.forEach((gap, i) => {
    files[`manifest-probe-${i}.generated.ts`] = `${IMPORT}export const probe: ${gap.type} = ${gap.probe};\n`;
    files[`manifest-control-${i}.generated.ts`] =
      `${IMPORT}export const control: ${gap.type} = ${gap.control};\n`;
  });
  const errors = typecheck(files);

  it("type-checks, once the documented gaps in the SDK's type are set aside", () => {
    expect(errors["manifest-check.generated.ts"]).toEqual([]);
  });

  it("every gap set aside is used by the manifest (no stale exemption)", () => {
    for (const [what, n] of found) expect(n, what).toBeGreaterThan(0);
  });

  it.each(SDK_GAPS.map((gap, i) => [gap.what, i, gap] as const))(
    "the SDK's type still lacks %s (else drop it from SDK_GAPS)",
    (_what, i, gap) => {
      expect(errors[`manifest-control-${i}.generated.ts`], `control for ${gap.what}`).toEqual([]);
      expect(
        errors[`manifest-probe-${i}.generated.ts`]?.length,
        `${gap.what}: see ${gap.docs}`,
      ).toBeGreaterThan(0);
    },
  );
});

describe("manifest.yml against Slack's documented limits", () => {
  it("names and descriptions fit", () => {
    expect(String(at("display_information.name")).length).toBeLessThanOrEqual(35);
    expect(String(at("display_information.description")).length).toBeLessThanOrEqual(140);
    const long = String(at("display_information.long_description"));
    expect(long.length).toBeGreaterThanOrEqual(174);
    expect(long.length).toBeLessThanOrEqual(4000);
    expect(String(at("features.bot_user.display_name"))).toMatch(/^[a-z0-9._-]{1,80}$/);
  });

  it("custom steps: callback ids, titles and parameter counts within limits; the app is org-ready and runs them", () => {
    for (const [callbackId, fn] of Object.entries(manifest.functions as Record<string, Json>)) {
      expect(callbackId.length).toBeLessThanOrEqual(100);
      expect(String(fn.title).length).toBeLessThanOrEqual(255);
      for (const side of ["input_parameters", "output_parameters"]) {
        const params = fn[side] as { properties: Json; required?: string[] };
        expect(Object.keys(params.properties).length).toBeLessThanOrEqual(50);
        for (const name of params.required ?? []) expect(Object.keys(params.properties)).toContain(name);
      }
    }
    expect(at("settings.org_deploy_enabled")).toBe(true);
    expect(at("settings.function_runtime")).toBe("remote");
    expect(at("settings.event_subscriptions.bot_events")).toContain("function_executed");
  });

  it("the pane: assistant_view with a description and the prompts the app offers, its scope and its events", () => {
    expect(String(at("features.assistant_view.assistant_description")).length).toBeGreaterThan(0);
    const prompts = at("features.assistant_view.suggested_prompts") as unknown[];
    expect(prompts.length).toBeLessThanOrEqual(MAX_PROMPTS);
    expect(prompts).toEqual(suggestedPrompts({ decisionLog: true }).prompts);
    expect(at("oauth_config.scopes.bot")).toContain("assistant:write");
    const events = at("settings.event_subscriptions.bot_events");
    for (const e of ["assistant_thread_started", "assistant_thread_context_changed", "message.im"]) {
      expect(events).toContain(e);
    }
  });
});

describe("the step's inputs are the questionnaire's", () => {
  it("manifest.yml holds the step exactly as generated from the knowledge base", () => {
    const expected = recommendStepDefinition(k);
    const hint = `manifest.yml's step drifted from data/questions.json; replace functions.${IDS.recommendFunction} with:\n${stringify(
      { [IDS.recommendFunction]: expected },
      { lineWidth: 0 },
    )}`;
    expect(step(), hint).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("each question is an input with the modal's id, label and choices; the modal's required ones are required", () => {
    const inputs = step().input_parameters as { properties: Record<string, Json>; required: string[] };
    for (const q of k.singleQuestions) {
      const input = inputs.properties[q.id] as Json;
      expect(input.type, q.id).toBe("string");
      expect(input.title).toBe(q.label);
      expect(input.enum).toEqual(q.options.map((o) => o.value));
      expect((input.choices as Json[]).map((c) => [c.value, c.title])).toEqual(
        q.options.map((o) => [o.value, o.label]),
      );
      expect(inputs.required).toContain(q.id);
    }
    const needs = inputs.properties[k.needsQuestion.id] as Json & { items: Json };
    expect(needs.type).toBe("array");
    expect(needs.items.enum).toEqual(k.needFeatures.map((f) => f.id));
    expect(inputs.required).not.toContain(k.needsQuestion.id);
    const notes = inputs.properties[k.notesQuestion.id] as Json;
    expect(notes.type).toBe("string");
    expect(notes.maxLength).toBe(k.notesQuestion.maxLength);
    expect(inputs.required).not.toContain(k.notesQuestion.id);
    // Beyond the questions: where to post and for whom, both optional.
    const extra = Object.keys(inputs.properties).filter((id) => !k.questions.some((q) => q.id === id));
    expect(extra.sort()).toEqual([STEP.channel, STEP.requestedBy].sort());
    expect(inputs.required).not.toContain(STEP.channel);
    expect((inputs.properties[STEP.channel] as Json).type).toBe("slack#/types/channel_id");
  });

  it("outputs: verdict, confidence (a number), summary, and the message link when posted", () => {
    const outputs = step().output_parameters as { properties: Record<string, Json>; required: string[] };
    expect(Object.keys(outputs.properties)).toEqual(["verdict", "confidence", "summary", "message_link"]);
    expect(outputs.properties.confidence?.type).toBe("number");
    expect(outputs.required).toEqual(["verdict", "confidence", "summary"]);
  });
});
