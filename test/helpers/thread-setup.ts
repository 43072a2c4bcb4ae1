/**
 * A recommendation's thread through the real app: post a recommendation with the real flow, then reply
 * in its thread as a person would. Shared by the thread suites.
 */
import { expect } from "vitest";
import type { Json } from "./json.js";
import { type ApiCall, apiFixture, buildTestApp, mockApi, type TestApp } from "./slack-app.js";
import { submitQuestionnaire } from "./slack-flows.js";
import { FIXTURE_CHANNEL as CHANNEL, FIXTURE_PARENT_TS as PARENT_TS, threadEvent } from "./slack-payloads.js";

export interface Setup {
  t: TestApp;
  /** Every chat.postMessage, the recommendation included. */
  posts: ApiCall[];
  /** The ts chat.postMessage answered each call with. */
  tsOf: Map<ApiCall, string>;
  replies: ApiCall[];
}

/** A fresh app, chat.postMessage answered (top-level posts get PARENT_TS), conversations.replies recorded. */
export async function setup(): Promise<Setup> {
  const t = await buildTestApp();
  const tsOf = new Map<ApiCall, string>();
  let n = 0;
  const posts = mockApi("chat.postMessage", (c: ApiCall) => {
    n += 1;
    const ts = c.thread_ts ? `1732385000.${String(n).padStart(6, "0")}` : PARENT_TS;
    tsOf.set(c, ts);
    return { ok: true, channel: c.channel, ts, message: { type: "message", ts, text: c.text } };
  });
  // A thread this app did not post: the parent carries another app's metadata.
  const replies = mockApi("conversations.replies", apiFixture("conversations.replies_include_all_metadata"));
  return { t, posts, tsOf, replies };
}

/** Posts a recommendation through the real flow: /flask-or-django, then submit the modal with these needs. */
export async function postRecommendation(s: Setup, needs: string[]): Promise<void> {
  const acked = await submitQuestionnaire(s.t.app, needs);
  expect(acked).toBeUndefined();
  expect(s.posts).toHaveLength(1);
  expect(s.posts[0]?.channel).toBe(CHANNEL);
  expect((s.posts[0]?.metadata as Json | undefined)?.event_type).toBe("flask_or_django_recommendation");
}

let seq = 0;
/** A person's reply in our thread, based on event_message_thread_reply.json. */
export function reply(text: string, event: Json = {}): Json {
  seq += 1;
  const ts = `1732384700.${String(100000 + seq)}`;
  return threadEvent(
    "event_message_thread_reply",
    text,
    { ts, eventId: `Ev0ASKTHR${seq}`, threadTs: PARENT_TS },
    event,
  );
}

/** The posts after the recommendation. */
export const answers = (s: Setup) => s.posts.filter((p) => p.thread_ts !== undefined);
