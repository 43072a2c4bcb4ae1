/**
 * Fuzz: thousands of generated and mutated payloads (seeded, so every run is the same) through ONE real app.
 *
 * For every payload: `processEvent` resolves (the app's error handler absorbs listener errors), nothing is
 * left as an unhandled rejection, every surface the app sends (messages, ephemerals, response_url posts,
 * modals, the Home tab, command acks) is within Block Kit's limits and carries no live markup from the
 * input, view_submission acks are either empty or inline errors on the modal's own input blocks, and
 * whatever a person did gets an answer (never silence).
 */
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getKnowledge, type Knowledge } from "../../src/engine/index.js";
import { questionnaireView } from "../../src/slack/blocks/questionnaire.js";
import { decodeModalContext } from "../../src/slack/services/codecs.js";
import { messageViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";
import { buildTestApp, type TestApp } from "../helpers/slack-app.js";
import { FakeSlack, renderedTexts, type SentCall, surfaceProblems } from "./harness.js";
import { type Generated, PayloadFactory } from "./payloads.js";
import { createRng } from "./prng.js";
import { FORBIDDEN_MARKUP } from "./strings.js";

const SEED = 0x5eed_f1a5;
const COUNTS = { command: 1000, view_submission: 1500, block_actions: 800, event: 800, mutated_fixture: 600 };

const k: Knowledge = getKnowledge();
let built: TestApp;
let fake: FakeSlack;
let factory: PayloadFactory;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const onUncaught = (err: unknown) => unhandled.push(err);
let processed = 0;
/** How much of the app the run reached, so a generator bug can't make the suite pass vacuously. */
const reached = { accepted: 0, errorAcks: 0, commandAnswers: 0, listenerFailures: 0 };
const startedAt = performance.now();

interface Outcome {
  acked: unknown;
  ackCount: number;
  rejected: unknown;
  sent: SentCall[];
  logs: Array<Record<string, unknown>>;
}

/** Block ids of the modal's input blocks, with and without the destination question. */
function inputBlockIds(askDestination: boolean): Set<string> {
  const view = questionnaireView({ knowledge: k, privateMetadata: "{}", askDestination, editing: false });
  return new Set(
    (view.blocks as Array<{ type: string; block_id?: string }>)
      .filter((b) => b.type === "input" && b.block_id)
      .map((b) => b.block_id as string),
  );
}
const BLOCKS_WITH_DESTINATION = inputBlockIds(true);
const BLOCKS_WITHOUT_DESTINATION = inputBlockIds(false);

async function run(g: Generated): Promise<Outcome> {
  const sentBefore = fake.sent.length;
  const logsBefore = built.logs.length;
  let acked: unknown;
  let ackCount = 0;
  let rejected: unknown;
  try {
    await built.app.processEvent({
      body: g.body,
      ack: async (response?: unknown) => {
        ackCount += 1;
        acked = response;
      },
    });
  } catch (err) {
    rejected = err ?? new Error("rejected with nothing");
  }
  processed += 1;
  return { acked, ackCount, rejected, sent: fake.sent.slice(sentBefore), logs: built.logs.slice(logsBefore) };
}

/** Problems are grouped by kind so one bug reports once, with the first payload that showed it. */
class Problems {
  private readonly seen = new Map<string, { count: number; example: string }>();

  add(kind: string, problem: string, g: Generated): void {
    const key = `${kind}: ${problem.replace(/\d+/g, "N").slice(0, 160)}`;
    const entry = this.seen.get(key);
    if (entry) entry.count += 1;
    else this.seen.set(key, { count: 1, example: JSON.stringify(g.body).slice(0, 600) });
  }

  list(): string[] {
    return [...this.seen.entries()].map(([key, v]) => `${key} (×${v.count}) e.g. ${v.example}`);
  }
}

/**
 * Bolt itself reads the envelope (`actions`, `event`, `view`, `user`, `team`…) before any middleware or
 * listener of the app runs, and throws on shapes Slack never signs (e.g. `"event": null`, `"actions": null`).
 * The app cannot catch those (they never reach `app.error`); its receiver answers them (see
 * test/slack/faults-process.test.ts). They are counted, never allowed from the app's own code.
 */
function isBoltEnvelopeError(err: unknown): boolean {
  const stack = String((err as Error | undefined)?.stack ?? "");
  const frames = stack.split("\n").filter((l) => l.trim().startsWith("at "));
  const first = frames[0] ?? "";
  return first.includes("node_modules/@slack/bolt/") && !frames.some((f) => f.includes("/src/"));
}
const boltEnvelopeRejections = new Map<string, number>();

const PERSON_FACING = new Set(["chat.postMessage", "chat.update", "chat.postEphemeral", "response_url"]);

/** Checks every payload shares: resolved, surfaces within limits, errors apologised for. */
function commonChecks(kind: string, g: Generated, o: Outcome, problems: Problems): void {
  if (o.rejected !== undefined) {
    const e = o.rejected as { name?: string; message?: string };
    if (isBoltEnvelopeError(o.rejected) && o.ackCount === 0 && o.sent.length === 0) {
      boltEnvelopeRejections.set(kind, (boltEnvelopeRejections.get(kind) ?? 0) + 1);
    } else problems.add(kind, `processEvent rejected: ${e.name}: ${e.message}`, g);
  }
  for (const call of o.sent) {
    for (const p of surfaceProblems(call)) problems.add(kind, `${call.method}: ${p}`, g);
  }
  const failed = o.logs.some((l) => l.msg === "listener failed");
  if (failed) reached.listenerFailures += 1;
  const user =
    (g.body.user as Json | undefined)?.id ?? g.body.user_id ?? (g.body.event as Json | undefined)?.user;
  if (failed && typeof user === "string") {
    const apologised = o.sent.some((c) => PERSON_FACING.has(c.method) && /sorry/i.test(String(c.body.text)));
    const gaveUp = o.logs.some((l) => l.msg === "could not tell the person");
    if (!apologised && !gaveUp) problems.add(kind, "a listener failed and the person was not told", g);
  }
}

function ackedMessageProblems(acked: unknown): string[] {
  const out = messageViolations(acked as Json);
  for (const text of renderedTexts(acked)) {
    for (const bad of FORBIDDEN_MARKUP) if (text.includes(bad)) out.push(`unescaped ${bad} in the ack`);
  }
  return out;
}

/** What the app may accept: a valid context and a complete, valid set of answers. */
function acceptable(g: Generated): string | undefined {
  const sub = g.submission;
  if (!sub) return "not a submission";
  const ctx = decodeModalContext(sub.privateMetadata);
  if (!ctx) return "accepted a submission without a valid private_metadata";
  const values = sub.values as Record<string, Record<string, Json>> | undefined;
  if (!values || typeof values !== "object") return "accepted a submission without state";
  const v = (q: string) => values[`q_${q}`]?.value;
  for (const q of k.singleQuestions) {
    const chosen = (v(q.id)?.selected_option as Json | undefined)?.value;
    if (!q.options.some((o) => o.value === chosen)) return `accepted ${q.id}=${JSON.stringify(chosen)}`;
  }
  const needs = v(k.needsQuestion.id)?.selected_options;
  if (needs !== undefined && needs !== null) {
    if (!Array.isArray(needs)) return "accepted needs that are not a list";
    if (needs.length > k.needsQuestion.max) return "accepted too many needs";
    for (const n of needs) {
      if (!k.needFeatures.some((f) => f.id === (n as Json | null)?.value))
        return `accepted need ${JSON.stringify(n)}`;
    }
  }
  const notes = v(k.notesQuestion.id)?.value;
  if (typeof notes === "string" && notes.length > k.notesQuestion.maxLength)
    return "accepted notes over the limit";
  if (ctx.channel === undefined) {
    const dest = values.q_destination?.value?.selected_conversation;
    if (typeof dest !== "string" || dest === "") return "accepted a submission without a destination";
  }
  const size = (v("size")?.selected_option as Json | undefined)?.value;
  const timeline = (v("timeline")?.selected_option as Json | undefined)?.value;
  if (size === "large" && timeline === "days") return "accepted large + days";
  return undefined;
}

beforeAll(async () => {
  nock.disableNetConnect();
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUncaught);
  // Sent one after another as fast as they go: the once-a-second pace of message updates per channel
  // (tested on its own) would only make the run wait.
  built = await buildTestApp(undefined, { messageRefresh: { intervalMs: 0 } });
  fake = new FakeSlack(k, createRng(SEED ^ 0xfa17), 0.08);
  fake.install();
  factory = new PayloadFactory(createRng(SEED), k);
});

afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUncaught);
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("fuzz: generated and mutated payloads through one real app", () => {
  it("the checkers catch what they look for (no vacuous pass)", () => {
    const bad: SentCall = {
      method: "chat.postMessage",
      body: {
        text: "hi <!channel>",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }],
      },
    };
    const found = surfaceProblems(bad).join("\n");
    expect(found).toMatch(/over 3000/);
    expect(found).toMatch(/unescaped "<!channel>"/);
    const mention: SentCall = {
      method: "response_url",
      body: {
        text: "ok",
        blocks: [{ type: "context", elements: [{ type: "mrkdwn", text: "<@U0FUZZ123>" }] }],
      },
    };
    expect(surfaceProblems(mention).join()).toMatch(/unescaped/);
    // Values and metadata are not rendered: raw text there is fine.
    const value: SentCall = {
      method: "views.open",
      body: {
        view: {
          type: "modal",
          title: { type: "plain_text", text: "t" },
          blocks: [],
          private_metadata: "<!here>",
        },
      },
    };
    expect(surfaceProblems(value)).toEqual([]);
  });

  it(`${COUNTS.command} slash commands with random text`, async () => {
    const problems = new Problems();
    for (let i = 0; i < COUNTS.command; i++) {
      const g = factory.command();
      const o = await run(g);
      commonChecks("command", g, o, problems);
      if (typeof g.body.text !== "string" || g.body.command !== "/flask-or-django") continue;
      if (o.ackCount !== 1) problems.add("command", `acked ${o.ackCount} times`, g);
      if (g.body.text.trim() === "") {
        const opened = o.sent.some((c) => c.method === "views.open");
        if (!opened) problems.add("command", "empty text did not open the modal", g);
        if (o.acked !== undefined) problems.add("command", "empty text acked with a message", g);
        continue;
      }
      // Every other text gets an answer only the person sees: usage, topics, a feature, or "I don't know".
      const acked = o.acked as Json | undefined;
      if (acked?.response_type !== "ephemeral") {
        problems.add("command", "text got no ephemeral answer", g);
        continue;
      }
      reached.commandAnswers += 1;
      for (const p of ackedMessageProblems(acked)) problems.add("command", `ack: ${p}`, g);
    }
    expect(problems.list()).toEqual([]);
  });

  it(`${COUNTS.view_submission} view submissions with random and mutated state and private_metadata`, async () => {
    const problems = new Problems();
    for (let i = 0; i < COUNTS.view_submission; i++) {
      const g = factory.viewSubmission();
      const o = await run(g);
      commonChecks("view_submission", g, o, problems);
      if (g.submission?.callbackId !== "questionnaire") continue;
      if (o.ackCount !== 1) {
        problems.add("view_submission", `acked ${o.ackCount} times`, g);
        continue;
      }
      if (o.acked === undefined) {
        reached.accepted += 1;
        const wrong = acceptable(g);
        if (wrong) problems.add("view_submission", wrong, g);
        if (!o.sent.some((c) => PERSON_FACING.has(c.method))) {
          problems.add("view_submission", "accepted, then nothing was posted or said", g);
        }
        continue;
      }
      const ack = o.acked as { response_action?: unknown; errors?: unknown };
      const keys = Object.keys(ack);
      if (
        ack.response_action !== "errors" ||
        keys.length !== 2 ||
        !ack.errors ||
        typeof ack.errors !== "object"
      ) {
        problems.add(
          "view_submission",
          `ack is neither empty nor errors: ${JSON.stringify(ack).slice(0, 200)}`,
          g,
        );
        continue;
      }
      reached.errorAcks += 1;
      const errors = ack.errors as Record<string, unknown>;
      if (Object.keys(errors).length === 0) problems.add("view_submission", "errors ack with no errors", g);
      const ctx = decodeModalContext(g.submission.privateMetadata);
      const valid = ctx && ctx.channel !== undefined ? BLOCKS_WITHOUT_DESTINATION : BLOCKS_WITH_DESTINATION;
      for (const [blockId, message] of Object.entries(errors)) {
        if (!valid.has(blockId))
          problems.add("view_submission", `error on ${blockId}, not an input of the modal`, g);
        if (
          typeof message !== "string" ||
          !/^[A-Z][\s\S]*[.?!]$/.test(message.trim()) ||
          message.length > 500
        ) {
          problems.add(
            "view_submission",
            `error message is not a clear sentence: ${JSON.stringify(message)}`,
            g,
          );
        }
      }
    }
    expect(problems.list()).toEqual([]);
  });

  it(`${COUNTS.block_actions} block actions for every action_id the app uses`, async () => {
    const problems = new Problems();
    for (let i = 0; i < COUNTS.block_actions; i++) {
      const g = factory.blockAction();
      const o = await run(g);
      commonChecks("block_actions", g, o, problems);
      const action = (g.body.actions as Json[] | null)?.[0];
      if (action && o.ackCount !== 1) problems.add("block_actions", `acked ${o.ackCount} times`, g);
    }
    expect(problems.list()).toEqual([]);
  });

  it(`${COUNTS.event} events (messages, mentions, App Home) with unique event_ids`, async () => {
    const problems = new Problems();
    for (let i = 0; i < COUNTS.event; i++) {
      const g = factory.event();
      const o = await run(g);
      commonChecks("event", g, o, problems);
      const event = g.body.event as Json;
      if (event.type === "app_home_opened" && event.tab === "home") {
        if (!o.sent.some((c) => c.method === "views.publish"))
          problems.add("event", "Home tab not published", g);
      }
      if (event.type === "app_mention" && !event.bot_id) {
        // A mention always gets an answer in its thread (help, a feature, or "I don't know that one").
        const answered = o.sent.some((c) => c.method === "chat.postMessage");
        if (!answered) problems.add("event", "a mention got no answer", g);
      }
    }
    expect(problems.list()).toEqual([]);
  });

  it(`${COUNTS.mutated_fixture} mutated fixtures (fields dropped, types changed)`, async () => {
    const problems = new Problems();
    for (let i = 0; i < COUNTS.mutated_fixture; i++) {
      const g = factory.mutatedFixture();
      const o = await run(g);
      commonChecks("mutated_fixture", g, o, problems);
    }
    expect(problems.list()).toEqual([]);
  });

  it("left no unhandled rejection or uncaught exception, and stayed fast", async () => {
    // Let stray promises settle before looking.
    await new Promise((r) => setTimeout(r, 50));
    const total = Object.values(COUNTS).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(3000);
    expect(processed).toBe(total);
    const byMethod = new Map<string, number>();
    for (const c of fake.sent) byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + 1);
    const minimums: Record<string, number> = {
      "views.open": 100,
      "views.publish": 20,
      "chat.postMessage": 300,
      "chat.update": 10,
      "chat.postEphemeral": 10,
      "conversations.open": 5,
      "conversations.replies": 10,
      response_url: 50,
    };
    for (const [method, min] of Object.entries(minimums)) {
      expect(byMethod.get(method) ?? 0, `${method} calls`).toBeGreaterThanOrEqual(min);
    }
    expect(reached.accepted).toBeGreaterThanOrEqual(100);
    expect(reached.errorAcks).toBeGreaterThanOrEqual(300);
    expect(reached.commandAnswers).toBeGreaterThanOrEqual(500);
    expect(reached.listenerFailures).toBeGreaterThan(0);
    expect(unhandled.map((e) => String((e as Error)?.stack ?? e).slice(0, 400))).toEqual([]);
    const seconds = (performance.now() - startedAt) / 1000;
    console.info(
      `fuzz: rejected by Bolt's envelope parsing (no app code ran): ${JSON.stringify([...boltEnvelopeRejections])}`,
    );
    console.info(
      `fuzz: ${processed} payloads, ${fake.sent.length} Web API/response_url calls, ${seconds.toFixed(1)} s`,
    );
  });
});
