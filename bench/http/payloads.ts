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

export function slashCommandBody(): string {
  return new URLSearchParams({
    ...fixture("slash_command"),
    text: "",
    trigger_id: `8034.${randomUUID()}`,
  }).toString();
}

const submissionState = (() => {
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
