/**
 * The fuzz harness: answers every Web API method the app may call (and Slack's response_url hooks) with
 * nock `.persist()`, records what the app sent, and checks each sent surface.
 */
import nock from "nock";
import { defaultProfile, type Knowledge } from "../../src/engine/index.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { messageViolations, viewViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";
import { apiFixture, decodeForm } from "../helpers/slack-app.js";
import { CORRUPT_THREADS, OUR_THREADS, USERS } from "./payloads.js";
import type { Rng } from "./prng.js";
import { FORBIDDEN_MARKUP } from "./strings.js";

export interface SentCall {
  /** "chat.postMessage", …, or "response_url". */
  method: string;
  body: Json;
}

const API_HOST = "https://slack.test";
const HOOKS_HOST = "https://hooks.slack.com";

function parseJson(body: unknown): Json {
  if (typeof body === "string") {
    try {
      return JSON.parse(body) as Json;
    } catch {
      return { raw: body };
    }
  }
  return (body ?? {}) as Json;
}

/** Errors a method can answer with, injected at `faultRate` to exercise the failure paths too. */
const FAULTS: Record<string, string[]> = {
  "chat.postMessage": [
    "not_in_channel",
    "channel_not_found",
    "is_archived",
    "invalid_blocks",
    "msg_blocks_too_long",
    "metadata_too_large",
  ],
  "chat.update": ["message_not_found", "cant_update_message"],
  "chat.postEphemeral": ["user_not_in_channel", "channel_not_found"],
  "views.open": ["expired_trigger_id", "invalid_trigger_id", "exchanged_trigger_id"],
  "views.publish": ["invalid_arguments"],
  "conversations.open": ["user_not_found"],
  "conversations.replies": ["thread_not_found", "channel_not_found", "missing_scope"],
};

export class FakeSlack {
  readonly sent: SentCall[] = [];
  private readonly ourParent: Json;
  private readonly corruptParent: Json;
  private readonly foreign: Json;

  constructor(
    k: Knowledge,
    private readonly faults: Rng,
    private readonly faultRate: number,
  ) {
    const { payload } = recommendationMessage(
      k,
      { ...defaultProfile(k), needs: ["admin"] },
      USERS[0] as string,
    );
    this.ourParent = { metadata: { event_type: "flask_or_django_recommendation", event_payload: payload } };
    this.corruptParent = {
      metadata: {
        event_type: "flask_or_django_recommendation",
        event_payload: { verdict: "perl", scores: "x" },
      },
    };
    this.foreign = apiFixture("conversations.replies_include_all_metadata") as Json;
  }

  private fault(method: string): string | undefined {
    const options = FAULTS[method];
    if (!options || this.faultRate === 0 || !(this.faults.next() < this.faultRate)) return undefined;
    return this.faults.pick(options);
  }

  private answer(method: string, call: Json): unknown {
    const error = this.fault(method);
    if (error) return { ok: false, error };
    switch (method) {
      case "chat.postMessage":
      case "chat.update":
        return { ok: true, channel: call.channel, ts: "1732390000.000100", message: {} };
      case "chat.postEphemeral":
        return { ok: true, message_ts: "1732390001.000200" };
      case "views.open":
        return apiFixture("views.open_ok");
      case "conversations.open":
        return { ok: true, channel: { id: "D07QG2H8M4N" } };
      case "conversations.replies": {
        const ts = String(call.ts);
        const parent = OUR_THREADS.includes(ts)
          ? this.ourParent
          : CORRUPT_THREADS.includes(ts)
            ? this.corruptParent
            : undefined;
        if (!parent) return this.foreign;
        return { ok: true, messages: [{ type: "message", user: "U07R3MZ1B4K", ts, text: "x", ...parent }] };
      }
      default:
        return { ok: true };
    }
  }

  install(): void {
    nock(API_HOST)
      .persist()
      .post(/^\/api\/.+/)
      .reply(200, (uri, body) => {
        const method = uri.replace(/^\/api\//, "").split("?")[0] as string;
        const call = decodeForm(body);
        this.sent.push({ method, body: call });
        return this.answer(method, call) as nock.Body;
      });
    nock(HOOKS_HOST)
      .persist()
      .post(/.*/)
      .reply(200, (_uri, body) => {
        this.sent.push({ method: "response_url", body: parseJson(body) });
        return "ok";
      });
  }
}

/** Rendered text of a message or view: the top-level text and every text object (not values or metadata). */
export function renderedTexts(surface: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Json;
      if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") out.push(o.text);
      for (const [key, x] of Object.entries(o)) {
        if (key === "value" || key === "initial_value" || key === "private_metadata" || key === "metadata")
          continue;
        walk(x);
      }
    }
  };
  const top = (surface as Json | undefined)?.text;
  if (typeof top === "string") out.push(top);
  walk((surface as Json | undefined)?.blocks);
  return out;
}

/** Every problem with one surface the app sent: Block Kit limits and unescaped markup from the input. */
export function surfaceProblems(call: SentCall): string[] {
  const problems: string[] = [];
  const { method, body } = call;
  let surface: unknown = body;
  if (method === "views.open" || method === "views.publish" || method === "views.update") {
    surface = body.view;
    if (!surface || typeof surface !== "object") return [`${method} without a view`];
    problems.push(...viewViolations(surface as Json));
  } else if (
    method === "chat.postMessage" ||
    method === "chat.update" ||
    method === "chat.postEphemeral" ||
    method === "response_url"
  ) {
    problems.push(...messageViolations(body));
  } else {
    return [];
  }
  for (const text of renderedTexts(surface)) {
    for (const bad of FORBIDDEN_MARKUP) {
      if (text.includes(bad))
        problems.push(`unescaped ${JSON.stringify(bad)} in ${JSON.stringify(text.slice(0, 200))}`);
    }
  }
  return problems;
}
