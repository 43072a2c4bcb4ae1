import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { getKnowledge } from "../../src/engine/index.js";

/** Signed requests as Slack sends them, each with fresh ids so no app can short-circuit a repeat. */

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/inbound/${name}.json`, import.meta.url), "utf8"));

export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";

export function signed(secret: string, body: string, contentType: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "content-type": contentType, "x-slack-request-timestamp": ts, "x-slack-signature": `v0=${sig}` };
}

let seq = 0;
const nextTs = () => `1732384${String(600 + (seq % 300)).padStart(3, "0")}.${String(++seq).padStart(6, "0")}`;

/**
 * The fixture's command without its response_url: a benchmark must never post off this machine,
 * and the app posts only to Slack's own hooks (it tells people through the stand-in instead).
 */
function command(): Record<string, string> {
  const { response_url: _dropped, ...fields } = fixture("slash_command") as Record<string, string>;
  return fields;
}

export function slashCommandBody(): string {
  return new URLSearchParams({ ...command(), text: "", trigger_id: `8034.${randomUUID()}` }).toString();
}

/** A command whose trigger_id carries when it was sent, so the stand-in can tell a dead trigger. */
export function timedSlashCommandBody(user: string): string {
  return new URLSearchParams({
    ...command(),
    text: "",
    user_id: user,
    trigger_id: `8034.${Date.now()}.${randomUUID()}`,
  }).toString();
}

/** When a timed trigger_id was issued (ms since epoch), or undefined for another kind. */
export function triggerIssuedAt(triggerId: string | null): number | undefined {
  const at = Number(triggerId?.split(".")[1]);
  return Number.isFinite(at) && at > 1e12 ? at : undefined;
}

/** The modal's state each benchmark submission sends (the bare app posts what ours posts for it). */
export const submissionState = (() => {
  const k = getKnowledge();
  const values: Record<string, Record<string, unknown>> = {};
  for (const q of k.singleQuestions) {
    values[`q_${q.id}`] = { value: { type: "static_select", selected_option: { value: q.default } } };
  }
  values.q_needs = {
    value: { type: "multi_static_select", selected_options: [{ value: "admin" }, { value: "auth" }] },
  };
  values.q_notes = {
    value: { type: "plain_text_input", value: "Staff edit records in an admin dashboard." },
  };
  return { values };
})();

export function submissionBody(): string {
  const payload = fixture("view_submission");
  payload.view = {
    ...payload.view,
    // Each submission is a modal of its own, as in Slack: the app handles a view (id and hash) once.
    id: `V${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
    callback_id: "questionnaire",
    private_metadata: JSON.stringify({ c: "C07QF9S3K2L", u: "U05HV6XQ1AB" }),
    state: submissionState,
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const THREAD_PARENT_TS = "1732384000.000100";

export function threadQuestionBody(): string {
  const envelope = fixture("event_message_thread_reply");
  const ts = nextTs();
  envelope.event_id = `Ev${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
  envelope.event = {
    ...envelope.event,
    ts,
    event_ts: ts,
    thread_ts: THREAD_PARENT_TS,
    text: "what about the admin?",
    client_msg_id: randomUUID(),
  };
  return JSON.stringify(envelope);
}
