/**
 * /flask-or-django <text> (issue 4): answered in the ack, only for the person who typed it —
 * a feature, help, the topics, or "I don't know that one". Nothing is posted to the channel.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { messageViolations } from "../helpers/block-kit-limits.js";
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
import { loadFixture } from "../helpers/slack-request.js";

const k = getKnowledge();

isolateNetwork();

interface Setup {
  t: TestApp;
  posts: ApiCall[];
  opens: ApiCall[];
  ephemerals: ApiCall[];
}

async function setup(): Promise<Setup> {
  const t = await buildTestApp();
  return {
    t,
    posts: mockApi("chat.postMessage", apiFixture("chat.postMessage_ok")),
    opens: mockApi("views.open", apiFixture("views.open_ok")),
    ephemerals: mockApi("chat.postEphemeral", { ok: true }),
  };
}

async function command(s: Setup, text: string): Promise<Json> {
  const acked = await send(s.t.app, {
    ...loadFixture<Record<string, string>>("inbound/slash_command.json"),
    text,
  });
  expect(acked).toBeTypeOf("object");
  return acked as Json;
}

function expectNothingElse(s: Setup): void {
  expect(s.posts).toHaveLength(0);
  expect(s.opens).toHaveLength(0);
  expect(s.ephemerals).toHaveLength(0);
}

describe("/flask-or-django <text>", () => {
  it("answers 'admin' with the feature, ephemerally, with both docs links", async () => {
    const s = await setup();
    const acked = await command(s, "admin");
    expect(acked.response_type).toBe("ephemeral");
    const admin = k.featureById.get("admin");
    expect(String(acked.text)).toContain(admin?.title);
    expect(shown(acked)).toContain(admin?.flask.docs);
    expect(shown(acked)).toContain(admin?.django.docs);
    expect(shown(acked)).toContain("django.contrib.admin");
    expect(messageViolations(acked)).toEqual([]);
    expectNothingElse(s);
  });

  it("answers a typo and a phrasing ('admn panel', 'what about async?')", async () => {
    const s = await setup();
    // A typo: answered, or offered first among the "did you mean" buttons.
    expect(shown(await command(s, "admn panel"))).toMatch(/Admin panel|did_you_mean_admin/);
    expect(String((await command(s, "what about async?")).text)).toContain(k.featureById.get("async")?.title);
    expectNothingElse(s);
  });

  it("answers a myth with the checked fact", async () => {
    const s = await setup();
    const acked = await command(s, "does flask support oracle?");
    expect(acked.response_type).toBe("ephemeral");
    const myth = k.featureById
      .get("databases")
      ?.myths.find((m) => m.phrasings.includes("does flask support oracle"));
    expect(shown(acked)).toContain(myth?.correction);
    expectNothingElse(s);
  });

  it.each(["help", "HELP", "usage", "?"])("answers %j with usage", async (text) => {
    const s = await setup();
    const acked = await command(s, text);
    expect(acked.response_type).toBe("ephemeral");
    expect(shown(acked)).toContain("/flask-or-django");
    expect(shown(acked)).toContain("/flask-or-django topics");
    for (const f of k.features) expect(shown(acked)).toContain(f.title);
    expect(messageViolations(acked)).toEqual([]);
    expectNothingElse(s);
  });

  it.each(["topics", "list", " Topics "])("answers %j with every topic", async (text) => {
    const s = await setup();
    const acked = await command(s, text);
    expect(acked.response_type).toBe("ephemeral");
    for (const f of k.features) expect(shown(acked)).toContain(f.title);
    expect(messageViolations(acked)).toEqual([]);
    expectNothingElse(s);
  });

  it("answers 'gibberish qwerty' with 'I don't know that one', ephemerally", async () => {
    const s = await setup();
    const acked = await command(s, "gibberish qwerty");
    expect(acked.response_type).toBe("ephemeral");
    expect(shown(acked)).toContain("I don't know that one");
    for (const f of k.features) expect(shown(acked)).toContain(f.title);
    // No recommendation here to ask about.
    expect(shown(acked)).not.toContain("about the decision");
    expect(messageViolations(acked)).toEqual([]);
    expectNothingElse(s);
  });

  it("answers a long odd text within Block Kit's limits", async () => {
    const s = await setup();
    const acked = await command(s, `${"&<>*_~`".repeat(400)} ${"😀".repeat(300)}`);
    expect(acked.response_type).toBe("ephemeral");
    expect(messageViolations(acked)).toEqual([]);
    expectNothingElse(s);
  });
});
