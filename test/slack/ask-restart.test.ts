/**
 * After a restart the app no longer remembers its threads (issue 4): it reads the parent message's
 * metadata with conversations.replies (include_all_metadata), once per thread, and answers with the
 * project's context from it. Without our metadata the thread is not ours.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import {
  type ApiCall,
  apiFixture,
  buildTestApp,
  mockApi,
  send,
  shown,
  type TestApp,
} from "../helpers/slack-app.js";
import { submitQuestionnaire } from "../helpers/slack-flows.js";
import {
  FIXTURE_CHANNEL as CHANNEL,
  FIXTURE_PARENT_TS as PARENT_TS,
  threadEvent,
} from "../helpers/slack-payloads.js";

const k = getKnowledge();

isolateNetwork();

/** Posts a recommendation through the real flow on a first app and returns the metadata it sent. */
async function metadataFromRealPost(needs: string[]): Promise<Json> {
  const t = await buildTestApp();
  const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"), 1);
  await submitQuestionnaire(t.app, needs);
  expect(posts).toHaveLength(1);
  const metadata = posts[0]?.metadata as Json;
  expect(metadata.event_type).toBe("flask_or_django_recommendation");
  nock.cleanAll();
  return metadata;
}

/** conversations.replies as Slack answers it, with the parent's metadata replaced. */
function repliesWithParentMetadata(metadata: unknown): Json {
  const body = structuredClone(apiFixture("conversations.replies_include_all_metadata")) as {
    messages: Json[];
  };
  const [parent, ...rest] = body.messages;
  const { metadata: _old, ...withoutMetadata } = parent as Json;
  return {
    ...body,
    messages: [metadata === undefined ? withoutMetadata : { ...withoutMetadata, metadata }, ...rest],
  };
}

let seq = 0;
function reply(text: string): Json {
  seq += 1;
  const ts = `1732384800.${String(200000 + seq)}`;
  return threadEvent("event_message_thread_reply", text, {
    ts,
    eventId: `Ev0ASKRST${seq}`,
    threadTs: PARENT_TS,
  });
}

interface Restarted {
  t: TestApp;
  posts: ApiCall[];
  replies: ApiCall[];
}

async function restartedApp(repliesBody: unknown): Promise<Restarted> {
  const t = await buildTestApp();
  const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
  const replies = mockApi("conversations.replies", repliesBody);
  return { t, posts, replies };
}

describe("after a restart", () => {
  it("reads the thread's parent once, with include_all_metadata, and answers with the project's context", async () => {
    const metadata = await metadataFromRealPost(["admin", "auth"]);
    const r = await restartedApp(repliesWithParentMetadata(metadata));

    await send(r.t.app, reply("what about the admin?"));
    await send(r.t.app, reply("and the login?"));

    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]?.channel).toBe(CHANNEL);
    expect(r.replies[0]?.ts).toBe(PARENT_TS);
    expect(r.replies[0]?.include_all_metadata).toBe("true");

    expect(r.posts).toHaveLength(2);
    for (const p of r.posts) {
      expect(p.channel).toBe(CHANNEL);
      expect(p.thread_ts).toBe(PARENT_TS);
    }
    expect(String(r.posts[0]?.text)).toContain(k.featureById.get("admin")?.title);
    expect(shown(r.posts[0])).toContain("You said you need an admin panel");
    expect(shown(r.posts[0])).not.toContain("For a recommendation tailored to your project");
    expect(String(r.posts[1]?.text)).toContain(k.featureById.get("auth")?.title);
    expect(shown(r.posts[1])).toContain("You said you need user accounts and login");
  });

  it("reads the parent once when two replies arrive together", async () => {
    const metadata = await metadataFromRealPost(["admin"]);
    const r = await restartedApp(repliesWithParentMetadata(metadata));
    await Promise.all([
      send(r.t.app, reply("what about the admin?")),
      send(r.t.app, reply("what about caching?")),
    ]);
    expect(r.replies).toHaveLength(1);
    expect(r.posts).toHaveLength(2);
  });

  it("uses the answers from the metadata, not the defaults (a project that listed user accounts)", async () => {
    const metadata = await metadataFromRealPost(["auth"]);
    const r = await restartedApp(repliesWithParentMetadata(metadata));
    await send(r.t.app, reply("what about the admin?"));
    await send(r.t.app, reply("what about login?"));
    expect(r.posts).toHaveLength(2);
    expect(shown(r.posts[0])).not.toContain("For your project");
    expect(shown(r.posts[1])).toContain("You said you need user accounts and login");
  });

  it("does not treat the thread as ours when the metadata was stripped (no include_all_metadata)", async () => {
    const r = await restartedApp(apiFixture("conversations.replies_default_UNVERIFIED_metadata_stripped"));
    await send(r.t.app, reply("what about the admin?"));
    await send(r.t.app, reply("what about caching?"));
    expect(r.posts).toHaveLength(0);
    expect(r.replies).toHaveLength(1);
  });

  it("does not treat the thread as ours when our event_type comes without its payload", async () => {
    const r = await restartedApp(repliesWithParentMetadata({ event_type: "flask_or_django_recommendation" }));
    await send(r.t.app, reply("what about the admin?"));
    expect(r.posts).toHaveLength(0);
  });

  it("does not treat the thread as ours when the parent has no metadata at all", async () => {
    const r = await restartedApp(repliesWithParentMetadata(undefined));
    await send(r.t.app, reply("what about the admin?"));
    expect(r.posts).toHaveLength(0);
  });

  it("does not treat the thread as ours when the payload is not valid", async () => {
    const r = await restartedApp(
      repliesWithParentMetadata({
        event_type: "flask_or_django_recommendation",
        event_payload: { verdict: "rails", scores: { flask: 1, django: 2 }, answers: {}, needs: [] },
      }),
    );
    await send(r.t.app, reply("what about the admin?"));
    expect(r.posts).toHaveLength(0);
  });

  it("does not cache a failed look-up: the next reply reads the parent again", async () => {
    const metadata = await metadataFromRealPost(["admin"]);
    const t = await buildTestApp();
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const failed = mockApi("conversations.replies", { ok: false, error: "internal_error" }, 1);
    await send(t.app, reply("what about the admin?"));
    expect(failed).toHaveLength(1);
    expect(posts).toHaveLength(0);
    const replies = mockApi("conversations.replies", repliesWithParentMetadata(metadata));
    await send(t.app, reply("what about the admin?"));
    expect(replies).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(shown(posts[0])).toContain("You said you need an admin panel");
  });
});
