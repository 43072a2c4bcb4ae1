/**
 * Generators for the payloads Slack can send the app: slash commands, view submissions, block actions and
 * events with random (often wrong) content, plus mutated copies of the real fixtures.
 */
import type { Knowledge, ProjectProfile } from "../../src/engine/index.js";
import { encodeAnswers, encodeModalContext, type ModalContext } from "../../src/slack/services/codecs.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import type { Json } from "../helpers/json.js";
import { loadFixture } from "../helpers/slack-request.js";
import type { Rng } from "./prng.js";
import { JUNK, TextFuzzer } from "./strings.js";

/** Users and channels the payloads use; none of them starts with U0FUZZ. */
export const USERS = ["U05HV6XQ1AB", "U06JK2P7RCD", "U07AB12CD34"];
export const CHANNELS = ["C07QF9S3K2L", "C08ZZ11YY22", "G07PRIV4TE1", "D07QG2H8M4N"];
export const RESPONSE_URL =
  "https://hooks.slack.com/commands/T07QDKX2N5M/8034561298765/Qm3vT8yR2kLpX7nB1cZ4dWfE";

/** Thread parents the Web API mock answers as our recommendations (valid or corrupt metadata). */
export const OUR_THREADS = ["1732384472.318669", "1732390000.000100"];
export const CORRUPT_THREADS = ["1732395555.000200"];
export const FOREIGN_THREADS = ["1732380000.111111", "1732381111.222222"];

const clone = <T>(v: T): T => structuredClone(v);

const FIXTURES = {
  command: loadFixture<Json>("inbound/slash_command.json"),
  ssl: loadFixture<Json>("inbound/slash_command_ssl_check.json"),
  urlVerification: loadFixture<Json>("inbound/url_verification.json"),
  view: loadFixture<Json>("inbound/view_submission.json"),
  button: loadFixture<Json>("inbound/block_actions_button.json"),
  select: loadFixture<Json>("inbound/block_actions_static_select.json"),
  home: loadFixture<Json>("inbound/event_app_home_opened.json"),
  mention: loadFixture<Json>("inbound/event_app_mention_in_thread.json"),
  reply: loadFixture<Json>("inbound/event_message_thread_reply.json"),
  changed: loadFixture<Json>("inbound/event_message_changed.json"),
  ownBot: loadFixture<Json>("inbound/event_message_from_own_bot_in_thread.json"),
  botMessage: loadFixture<Json>("inbound/event_message_subtype_bot_message.json"),
  paneStarted: loadFixture<Json>("inbound/event_assistant_thread_started.json"),
  paneContext: loadFixture<Json>("inbound/event_assistant_thread_context_changed.json"),
  paneMessage: loadFixture<Json>("inbound/event_message_assistant_thread.json"),
  step: loadFixture<Json>("inbound/event_function_executed.json"),
};

export type Kind = "command" | "view_submission" | "block_actions" | "event" | "mutated_fixture";

export interface Generated {
  kind: Kind;
  body: Json;
  /** For view submissions: what was sent, to judge the ack. */
  submission?: { callbackId: unknown; privateMetadata: unknown; values: unknown };
}

export class PayloadFactory {
  readonly text: TextFuzzer;
  private eventSeq = 0;
  private tsSeq = 0;
  private viewSeq = 0;

  constructor(
    private readonly rng: Rng,
    private readonly k: Knowledge,
  ) {
    const words = [
      ...k.features.map((f) => f.id),
      ...k.features.map((f) => f.title),
      "django",
      "flask",
      "Flask vs Django",
    ];
    this.text = new TextFuzzer(rng, words);
  }

  private eventId(): string {
    this.eventSeq += 1;
    return `EvFUZZ${String(this.eventSeq).padStart(8, "0")}`;
  }

  private ts(): string {
    this.tsSeq += 1;
    return `1732400000.${String(this.tsSeq).padStart(6, "0")}`;
  }

  /** A neutral wrong-typed value (never fuzz text: ids are not where people type). */
  junkValue(): unknown {
    return this.rng.pick<unknown>([
      null,
      0,
      -1,
      1.5,
      true,
      false,
      "",
      "x",
      [],
      [1, "a", null],
      {},
      { a: 1 },
      "9".repeat(400),
    ]);
  }

  randomProfile(): ProjectProfile {
    const rng = this.rng;
    const answers: Record<string, string> = {};
    for (const q of this.k.singleQuestions) answers[q.id] = rng.pick(q.options).value;
    if (answers.size === "large" && answers.timeline === "days") answers.timeline = q0(this.k, "timeline");
    const needs = rng.subset(
      this.k.needFeatures.map((f) => f.id),
      0.2,
    );
    const notes = rng.chance(0.5) ? "" : this.text.text(rng.int(1, this.k.notesQuestion.maxLength));
    return { answers, needs, notes };
  }

  // ---------------------------------------------------------------- slash commands

  command(): Generated {
    const rng = this.rng;
    const body = clone(FIXTURES.command);
    body.text = this.text.text(rng.chance(0.1) ? 5000 : 400);
    body.user_id = rng.pick(USERS);
    body.channel_id = rng.pick(CHANNELS);
    body.trigger_id = `${rng.int(1, 9e9)}.7830312345678.${rng.int(1, 9e9)}`;
    if (rng.chance(0.05)) delete body.response_url;
    if (rng.chance(0.05)) delete body.channel_id;
    return { kind: "command", body };
  }

  // ---------------------------------------------------------------- view submissions

  private modalContext(): unknown {
    const rng = this.rng;
    const r = rng.next();
    const valid = (): ModalContext => ({
      ...(rng.chance(0.6) ? { channel: rng.pick(CHANNELS) } : {}),
      user: rng.pick(USERS),
      ...(rng.chance(0.5) ? { responseUrl: RESPONSE_URL } : {}),
      ...(rng.chance(0.2) ? { messageTs: rng.pick([...OUR_THREADS, ...FOREIGN_THREADS]) } : {}),
      ...(rng.chance(0.1) ? { askedBy: rng.pick(USERS) } : {}),
    });
    if (r < 0.65) return encodeModalContext(valid());
    if (r < 0.7) return undefined;
    if (r < 0.75) return this.junkValue();
    if (r < 0.8) return this.text.text(rng.int(0, 4000));
    if (r < 0.85) return JSON.stringify({ ...valid(), pad: "x".repeat(3100) });
    if (r < 0.9) {
      // Valid JSON, wrong field types or values.
      const ctx: Json = { ...valid() };
      ctx[rng.pick(["c", "u", "r", "ts", "a"])] = rng.pick<unknown>([
        null,
        12,
        "",
        "https://evil.example/x",
        "http://hooks.slack.com/x",
        "<!channel>",
        "c07lower",
        "1.2.3",
      ]);
      return JSON.stringify(ctx);
    }
    if (r < 0.95) return rng.pick(["{", "[]", "null", "1", '"str"', "{}", '{"u":"U1"}', JUNK[0] as string]);
    return encodeModalContext(valid()).slice(0, rng.int(1, 20));
  }

  private validValues(withDestination: boolean): Record<string, Record<string, Json>> {
    const rng = this.rng;
    const profile = this.randomProfile();
    const values: Record<string, Record<string, Json>> = {};
    for (const q of this.k.singleQuestions) {
      values[`q_${q.id}`] = {
        value: {
          type: q.options.length <= 4 ? "radio_buttons" : "static_select",
          selected_option: { text: { type: "plain_text", text: "x" }, value: profile.answers[q.id] },
        },
      };
    }
    values[`q_${this.k.needsQuestion.id}`] = {
      value: {
        type: "multi_static_select",
        selected_options: profile.needs.map((n) => ({ text: { type: "plain_text", text: n }, value: n })),
      },
    };
    values[`q_${this.k.notesQuestion.id}`] = {
      value: {
        type: "plain_text_input",
        value: rng.chance(0.3)
          ? null
          : this.text.text(rng.chance(0.1) ? 5000 : rng.int(1, this.k.notesQuestion.maxLength)),
      },
    };
    if (withDestination || rng.chance(0.3)) {
      values.q_destination = {
        value: {
          type: "conversations_select",
          selected_conversation: rng.chance(0.9) ? rng.pick(CHANNELS) : null,
        },
      };
    }
    return values;
  }

  private mutateValues(values: Record<string, Record<string, Json>>): unknown {
    const rng = this.rng;
    const blocks = Object.keys(values);
    const block = rng.pick(blocks);
    const slot = values[block]?.value;
    switch (rng.int(0, 12)) {
      case 0:
        delete values[block];
        break;
      case 1:
        if (values[block]) values[block] = { [rng.pick(["val", "", "VALUE"])]: slot ?? {} };
        break;
      case 2:
        if (slot) slot.type = rng.pick(["checkboxes", "plain_text_input", "datepicker", "static_select", 5]);
        break;
      case 3:
        if (slot) slot.selected_option = null;
        break;
      case 4:
        if (slot)
          slot.selected_option = {
            value: rng.pick<unknown>([this.text.text(200), "", 7, null, "django", "huge", "large"]),
          };
        break;
      case 5:
        if (slot)
          slot.selected_options = rng.pick<unknown>([
            null,
            "admin",
            [null],
            [{ value: 3 }],
            [{ value: this.text.text(100) }],
            Array.from({ length: 50 }, (_, i) => ({ value: `f${i}` })),
            this.k.needFeatures.map((f) => ({ value: f.id })),
            [{}],
          ]);
        break;
      case 6:
        if (slot) slot.value = rng.pick<unknown>([5, {}, [], true, this.text.text(5000)]);
        break;
      case 7:
        if (slot) {
          delete slot.selected_option;
          delete slot.selected_options;
          delete slot.value;
        }
        break;
      case 8:
        if (values[block]) (values as Record<string, unknown>)[block] = this.junkValue();
        break;
      case 9:
        values[`q_${rng.pick(["unknown", "__proto__", "project_type "])}`] = { value: { value: "x" } };
        break;
      case 10:
        return rng.pick<unknown>([null, [], "values", 3, undefined]);
      case 11:
        if (slot) slot.selected_conversation = rng.pick<unknown>([null, "", 5, "<!channel>", ["C1"]]);
        break;
      default:
        // A valid but contradictory combination.
        values.q_size = { value: { type: "radio_buttons", selected_option: { value: "large" } } };
        values.q_timeline = { value: { type: "radio_buttons", selected_option: { value: "days" } } };
    }
    return values;
  }

  viewSubmission(): Generated {
    const rng = this.rng;
    const body = clone(FIXTURES.view) as Json & { view: Json; user: Json };
    const privateMetadata = this.modalContext();
    const withDestination = !(typeof privateMetadata === "string" && privateMetadata.includes('"c":'));
    let values: unknown = this.validValues(withDestination);
    for (let n = rng.pick([0, 0, 1, 1, 2, 3]); n > 0; n--) {
      if (values && typeof values === "object" && !Array.isArray(values) && Object.keys(values).length > 0) {
        values = this.mutateValues(values as Record<string, Record<string, Json>>);
      }
    }
    const callbackId = rng.chance(0.9)
      ? "questionnaire"
      : rng.pick<unknown>(["decide", "decide", "questionnaire_", "", 5, null]);
    body.view.callback_id = callbackId;
    if (privateMetadata === undefined) delete body.view.private_metadata;
    else body.view.private_metadata = privateMetadata;
    const r = rng.next();
    if (r < 0.03) delete body.view.state;
    else if (r < 0.05) body.view.state = this.junkValue();
    else if (values === undefined) body.view.state = {};
    else body.view.state = { values };
    body.user = { ...body.user, id: rng.pick(USERS) };
    // Each generated submission is a modal of its own: the app handles a view (id and hash) once.
    this.viewSeq += 1;
    body.view.id = `V0FUZZ${this.viewSeq}`;
    return { kind: "view_submission", body, submission: { callbackId, privateMetadata, values } };
  }

  // ---------------------------------------------------------------- block actions

  private actionValue(actionId: string): unknown {
    const rng = this.rng;
    const r = rng.next();
    if (actionId === "cancel_reminder" && r < 0.5)
      return JSON.stringify({ c: rng.pick(CHANNELS), id: rng.chance(0.5) ? "Q0FUZZ1" : this.text.text(90) });
    if ((actionId === "edit_answers" || actionId === "add_view") && r < 0.5)
      return encodeAnswers(this.randomProfile(), rng.chance(0.5) ? rng.pick(USERS) : undefined);
    if (actionId.startsWith("did_you_mean") && r < 0.5) return rng.pick(this.k.features).id;
    if (r < 0.6) return this.text.text(rng.int(0, 300));
    if (r < 0.7) return "x".repeat(rng.pick([2001, 5000, 20000]));
    if (r < 0.8) return JSON.stringify({ a: { size: this.text.text(60) }, n: [1], t: 5 });
    if (r < 0.9) return this.junkValue();
    return undefined;
  }

  /** Message blocks an action arrives with: our real recommendation, junk, or the fixture's. */
  private messageBlocks(): unknown {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.4) {
      return recommendationMessage(this.k, this.randomProfile(), rng.pick(USERS)).message.blocks;
    }
    if (r < 0.5)
      return [
        {
          type: "actions",
          elements: [{ action_id: "edit_answers", value: this.actionValue("edit_answers") }],
        },
      ];
    if (r < 0.6) return this.junkValue();
    if (r < 0.7) return [null, { elements: "x" }, { elements: [null] }];
    return (FIXTURES.button.message as Json).blocks;
  }

  blockAction(): Generated {
    const rng = this.rng;
    const ids = [
      "edit_answers",
      "ask_feature",
      "feedback_helpful",
      "feedback_not_helpful",
      "open_questionnaire",
      `did_you_mean_${rng.pick(this.k.features).id}`,
      `did_you_mean_${this.text.text(20)}`,
      // The team's buttons: views, votes, deciding, the reminder.
      "add_view",
      "vote_agree",
      "vote_pick_other",
      "mark_decided",
      "cancel_reminder",
    ];
    const actionId = rng.pick(ids);
    const body = clone(rng.chance(0.5) ? FIXTURES.button : FIXTURES.select) as Json & {
      message?: Json;
      container?: unknown;
    };
    const action: Json = {
      action_id: actionId,
      block_id: rng.pick(["recommendation_actions", "did_you_mean", "home_actions", "help_actions", "x"]),
      action_ts: "1732384520.447211",
    };
    if (actionId === "ask_feature") {
      action.type = "static_select";
      const r = rng.next();
      if (r < 0.5)
        action.selected_option = {
          text: { type: "plain_text", text: "x" },
          value: rng.pick(this.k.features).id,
        };
      else if (r < 0.7) action.selected_option = { value: this.actionValue(actionId) };
      else if (r < 0.85) action.selected_option = null;
      else if (r < 0.95) action.selected_option = this.junkValue();
    } else {
      action.type = "button";
      const value = this.actionValue(actionId);
      if (value !== undefined) action.value = value;
    }
    body.actions = rng.chance(0.97) ? [action] : rng.pick<unknown>([[], null, [action, action]]);
    body.user = { ...(body.user as Json), id: rng.pick(USERS) };
    const message = body.message as Json;
    message.blocks = this.messageBlocks();
    const r = rng.next();
    if (r < 0.1) delete body.message;
    else if (r < 0.15) message.thread_ts = rng.pick([...OUR_THREADS, ...FOREIGN_THREADS]);
    else if (r < 0.2) message.ts = this.junkValue();
    if (rng.chance(0.15)) delete body.channel;
    if (rng.chance(0.15)) delete body.container;
    if (rng.chance(0.05)) body.container = this.junkValue();
    if (rng.chance(0.08)) delete body.response_url;
    if (rng.chance(0.05)) delete body.trigger_id;
    if (rng.chance(0.1)) message.ts = rng.pick([...OUR_THREADS, ...CORRUPT_THREADS, ...FOREIGN_THREADS]);
    return { kind: "block_actions", body };
  }

  // ---------------------------------------------------------------- events

  private threadTs(ts: string): unknown {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.25) return undefined;
    if (r < 0.3) return ts;
    if (r < 0.6) return rng.pick(OUR_THREADS);
    if (r < 0.7) return rng.pick(CORRUPT_THREADS);
    if (r < 0.9) return rng.pick(FOREIGN_THREADS);
    return this.junkValue();
  }

  event(): Generated {
    const rng = this.rng;
    const r = rng.next();
    let body: Json;
    if (r < 0.55) {
      body = clone(FIXTURES.reply);
      const event = body.event as Json;
      const ts = this.ts();
      event.ts = ts;
      event.event_ts = ts;
      event.text = this.text.text(rng.chance(0.1) ? 5000 : 400);
      const thread = this.threadTs(ts);
      if (thread === undefined) delete event.thread_ts;
      else event.thread_ts = thread;
      event.subtype = rng.pick<unknown>([
        undefined,
        undefined,
        undefined,
        undefined,
        "thread_broadcast",
        "bot_message",
        "message_changed",
        "message_deleted",
        "channel_join",
        "file_share",
        "me_message",
        this.text.text(20),
      ]);
      if (event.subtype === undefined) delete event.subtype;
      if (rng.chance(0.1)) event.bot_id = rng.pick(["B07R8FJ2Q1X", "B05LQ2W8ZTY"]);
      const u = rng.next();
      if (u < 0.05) delete event.user;
      else if (u < 0.1) event.user = "U07R3MZ1B4K";
      else event.user = rng.pick(USERS);
      event.channel_type = rng.pick<unknown>(["channel", "channel", "im", "group", "mpim", undefined]);
      if (event.channel_type === undefined) delete event.channel_type;
      event.channel = event.channel_type === "im" ? "D07QG2H8M4N" : rng.pick(CHANNELS);
      if (rng.chance(0.2)) event.text = `<@U07R3MZ1B4K> ${String(event.text)}`;
      if (rng.chance(0.03)) delete event.text;
      if (rng.chance(0.03)) event.text = this.junkValue();
    } else if (r < 0.85) {
      body = clone(FIXTURES.mention);
      const event = body.event as Json;
      const ts = this.ts();
      event.ts = ts;
      event.event_ts = ts;
      event.text = `${rng.chance(0.8) ? "<@U07R3MZ1B4K> " : ""}${this.text.text(rng.chance(0.1) ? 5000 : 400)}`;
      const thread = this.threadTs(ts);
      if (thread === undefined) delete event.thread_ts;
      else event.thread_ts = thread;
      event.channel = rng.pick(CHANNELS);
      event.user = rng.pick(USERS);
      if (rng.chance(0.05)) event.bot_id = "B05LQ2W8ZTY";
      if (rng.chance(0.03)) delete event.text;
    } else {
      body = clone(FIXTURES.home);
      const event = body.event as Json;
      event.tab = rng.pick<unknown>(["home", "home", "messages", "about", "", undefined, 123, null]);
      if (event.tab === undefined) delete event.tab;
      event.user = rng.pick(USERS);
    }
    body.event_id = this.eventId();
    body.event_time = 1732400000 + this.eventSeq;
    return { kind: "event", body };
  }

  // ---------------------------------------------------------------- mutated fixtures

  /** A random path to an existing node of `root` (objects and arrays), at least one key deep. */
  private randomPath(root: unknown): Array<string | number> {
    const rng = this.rng;
    const path: Array<string | number> = [];
    let node = root;
    for (;;) {
      if (!node || typeof node !== "object") return path;
      const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) return path;
      const key = rng.pick(keys);
      path.push(key);
      node = (node as Record<string | number, unknown>)[key];
      if (rng.chance(0.4)) return path;
    }
  }

  private mutate(root: Json): void {
    const rng = this.rng;
    const path = this.randomPath(root);
    if (path.length === 0) return;
    let parent: unknown = root;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const last = path.at(-1) as string | number;
    const holder = parent as Record<string | number, unknown>;
    const old = holder[last];
    const r = rng.next();
    if (r < 0.35) {
      if (Array.isArray(holder) && typeof last === "number") holder.splice(last, 1);
      else delete holder[last];
    } else if (r < 0.55) {
      // Change the type: string→number/null/array/object, and back.
      holder[last] = rng.pick<unknown>([42, null, [old], { value: old }, String(old), true, -0.5]);
    } else if (r < 0.7) holder[last] = this.junkValue();
    else if (r < 0.85 && typeof old === "string")
      holder[last] = `${old}${rng.pick(["\u200b", "\u202e", "👍🏽", " "])}`;
    else holder[last] = typeof old === "string" && old.length < 40 ? "" : null;
  }

  mutatedFixture(): Generated {
    const rng = this.rng;
    const names = Object.keys(FIXTURES) as Array<keyof typeof FIXTURES>;
    const name = rng.pick(names);
    const body = clone(FIXTURES[name]);
    // Point interactions at the app's own listeners first, so the mutations reach real code.
    if (name === "button" || name === "select") {
      const action = (body.actions as Json[])[0] as Json;
      action.action_id = rng.pick([
        "edit_answers",
        "ask_feature",
        "feedback_helpful",
        "open_questionnaire",
        "did_you_mean_admin",
        "add_view",
        "vote_agree",
        "mark_decided",
        "cancel_reminder",
      ]);
      if (action.action_id === "edit_answers") action.value = encodeAnswers(this.randomProfile());
    }
    if (name === "view") {
      const view = body.view as Json;
      view.callback_id = "questionnaire";
      view.private_metadata = encodeModalContext({ channel: rng.pick(CHANNELS), user: rng.pick(USERS) });
      view.state = { values: this.validValues(false) };
    }
    if (name === "command" && rng.chance(0.5)) body.text = "";
    if (typeof body.event_id === "string") body.event_id = this.eventId();
    if (body.event && typeof body.event === "object") {
      const ts = this.ts();
      (body.event as Json).ts = ts;
    }
    for (let n = rng.int(1, 4); n > 0; n--) this.mutate(body);
    return { kind: "mutated_fixture", body };
  }
}

function q0(k: Knowledge, id: string): string {
  const q = k.singleQuestions.find((x) => x.id === id);
  return q?.options.find((o) => o.value !== "days")?.value ?? q?.default ?? "";
}
