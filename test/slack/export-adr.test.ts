/**
 * "Export as ADR" through the real app, for the golden file's scenario stored in the database (an online
 * shop whose team knows Flask; the answers favour Django; Ann decides for Flask with her reason,
 * superseding the channel's decision of 2026-09-01, after Bob's view and two votes). What Slack receives is
 * compared with committed golden files: `…online-shop.slack.md` (the golden record as the app writes it
 * from Slack: people and channels by id) and `…online-shop.canvas.md` (the same adapted for canvases).
 *
 * - the channel's canvas (conversations.canvases.create);
 * - the channel has one already: a standalone canvas tabbed in the channel (canvases.create with
 *   channel_id) and linked in the recommendation's thread;
 * - canvases unavailable (an explicit list of refusals): the record as a Markdown file in the thread
 *   (files.getUploadURLExternal, the upload, files.completeUploadExternal);
 * - creating calls made once; a timeout said as "look for it"; the upload only if it can end in time;
 * - one export at a time; from App Home, a private channel's decision only for those who took part;
 * - every route failing: the person is told why and what to do.
 *
 * From the recommendation message (the person is told through its response_url) and from App Home (at
 * the top of the tab). Web API, the upload URL and response_urls mocked with nock.
 */
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { getKnowledge, toProfile } from "../../src/engine/index.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { type Database, openDatabase } from "../../src/storage/index.js";
import { GOLDEN_SCENARIO } from "../helpers/golden-adr.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import {
  type ApiCall,
  apiFixture,
  buildTestApp,
  mockApi,
  send,
  type TestApp,
  type TestAppOptions,
} from "../helpers/slack-app.js";
import {
  buttonClick,
  channelMessage,
  FIXTURE_CHANNEL,
  homeAction,
  type PublishedHome,
} from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

isolateNetwork();

const k = getKnowledge();
const TEAM = "T07QDKX2N5M";
const ANN = "U0ANNLEE1";
const BOB = "U0BOBNG01";
const CY = "U0CYPARK1";
/** The person clicking (the fixture's): not one of the decision's people. */
const CLICKER = "U06JK2P7RCD";
const TS = "1795000000.000100";
/** 2026-09-01: the decision the golden one supersedes, in the same channel. */
const EARLIER_TS = "1788264000.000100";
const DECIDED_AT = Date.UTC(2026, 10, 28, 9);
const RESPONSE_URL = "https://hooks.slack.com/actions/T07QDKX2N5M/8034588812345/9hGk2LmN4pQr6sTu8vWxYz0A";
const UPLOAD = new URL((apiFixture("files.getUploadURLExternal_ok") as { upload_url: string }).upload_url);
const TITLE = "Use Flask for an online shop or marketplace";

const goldenFile = (name: string) =>
  readFileSync(new URL(`../fixtures/adr/0001-use-flask-for-an-online-shop.${name}`, import.meta.url), "utf8");
/** The record the app writes for the stored scenario: the golden one, with people and channels by id. */
const GOLDEN_MADR = goldenFile("slack.md");
/** The same as a canvas reads it: no front matter (a list instead), the title apart, mentions, links. */
const GOLDEN_CANVAS = goldenFile("canvas.md");

const { answers: ANSWERS, notes: NOTES } = GOLDEN_SCENARIO;
const NEEDS = [...GOLDEN_SCENARIO.needs];

/** The golden scenario, stored as the app stores it. */
async function seedGolden(db: Database): Promise<void> {
  const key = { teamId: TEAM, channelId: FIXTURE_CHANNEL };
  const row = {
    ...key,
    userId: ANN,
    answers: ANSWERS,
    needs: NEEDS,
    notes: NOTES,
    verdict: "django" as const,
    scores: { flask: 32, django: 68 },
    confidence: 0.995,
    knowledgeVersion: k.meta.knowledgeVersion,
  };
  await db.recommendations.upsert({ ...row, messageTs: EARLIER_TS });
  await db.decisions.propose({ ...key, messageTs: EARLIER_TS, askedBy: ANN, recommended: "django" });
  await db.decisions.decide({ ...key, messageTs: EARLIER_TS, userId: ANN, framework: "django" });
  await db.recommendations.upsert({ ...row, messageTs: TS });
  await db.views.upsert({
    ...key,
    messageTs: TS,
    userId: BOB,
    answers: { ...ANSWERS, ...GOLDEN_SCENARIO.teammateAnswers },
    needs: NEEDS,
    notes: NOTES,
  });
  await db.votes.upsert({ ...key, messageTs: TS, userId: CY, value: "django" });
  await db.votes.upsert({ ...key, messageTs: TS, userId: BOB, value: "flask" });
  await db.decisions.propose({ ...key, messageTs: TS, askedBy: ANN, recommended: "django" });
  const decided = await db.decisions.decide({
    ...key,
    messageTs: TS,
    userId: ANN,
    framework: "flask",
    reason: GOLDEN_SCENARIO.reason,
  });
  expect(decided.ok).toBe(true);
}

async function golden(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await openDatabase("sqlite::memory:", { now: () => DECIDED_AT });
  await seedGolden(db);
  const t = await buildTestApp(undefined, { database: db, ...options });
  mockApi("auth.test", apiFixture("auth.test_ok"));
  return t;
}

/** "Export as ADR" clicked on the recommendation message (the real blocks, the fixture's envelope). */
function clickOnMessage(): Json {
  const profile = toProfile({ answers: ANSWERS, needs: NEEDS, notes: NOTES }, k);
  const { message } = recommendationMessage(k, profile, ANN);
  return buttonClick({ blocks: message.blocks, ts: TS }, "export_adr");
}

/**
 * files.uploadV2's three calls answered: files.getUploadURLExternal, the upload to the URL it gave (the
 * multipart body as received), files.completeUploadExternal.
 */
function mockFileUpload(): { urls: ApiCall[]; uploads: string[]; completes: ApiCall[] } {
  const urls = mockApi("files.getUploadURLExternal", apiFixture("files.getUploadURLExternal_ok"));
  const uploads: string[] = [];
  nock(UPLOAD.origin)
    .post(UPLOAD.pathname)
    .reply(200, (_uri, body) => {
      uploads.push(typeof body === "string" ? body : JSON.stringify(body));
      return "OK - 1234";
    });
  const completes = mockApi("files.completeUploadExternal", apiFixture("files.completeUploadExternal_ok"));
  return { urls, uploads, completes };
}

const documentOf = (call: ApiCall | undefined) =>
  JSON.parse(String(call?.document_content)) as { type: string; markdown: string };

/** A Web API method answered after `delayMs` (past a short attempt timeout): counts the calls that came. */
function slowApi(method: string, delayMs: number, answer: unknown, times = 5): { calls: number } {
  const seen = { calls: 0 };
  nock("https://slack.test")
    .post(`/api/${method}`)
    .times(times)
    .delay(delayMs)
    .reply(200, () => {
      seen.calls += 1;
      return answer as nock.Body;
    });
  return seen;
}

/** The Home tab as published for `user` (app_home_opened for them); `publishes` records every views.publish. */
async function homeOf(t: TestApp, user: string, publishes: ApiCall[]): Promise<PublishedHome> {
  const base = loadFixture<Json & { event: Json }>("inbound/event_app_home_opened.json");
  await send(t.app, { ...base, event_id: `Ev0HOME${user}`, event: { ...base.event, tab: "home", user } });
  const last = publishes.at(-1);
  expect(last?.user_id).toBe(user);
  return last?.view as PublishedHome;
}

const noticeOf = (publish: ApiCall | undefined) =>
  String(
    (publish?.view as PublishedHome | undefined)?.blocks.find((b) =>
      String(b.text?.text ?? "").startsWith(":information_source:"),
    )?.text?.text ?? "",
  );

describe("Export as ADR", () => {
  it("makes the channel's canvas with the golden record, and tells the person where it is", async () => {
    const t = await golden();
    const canvases = mockApi("conversations.canvases.create", apiFixture("conversations.canvases.create_ok"));
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(canvases).toHaveLength(1);
    expect(canvases[0]?.channel_id).toBe(FIXTURE_CHANNEL);
    expect(canvases[0]?.title).toBe(TITLE);
    expect(documentOf(canvases[0])).toEqual({ type: "markdown", markdown: GOLDEN_CANVAS });
    // The record leaves Slack's mrkdwn: plain ISO dates, never a Slack date token.
    expect(GOLDEN_CANVAS).toMatch(/\*\*Date:\*\* \d{4}-\d{2}-\d{2}\n/);
    expect(GOLDEN_CANVAS).not.toContain("<!date");
    expect(told).toEqual([
      {
        response_type: "ephemeral",
        replace_original: false,
        text: `I exported “${TITLE}” as the canvas of <#${FIXTURE_CHANNEL}> (its Canvas tab): <https://acme-eng.slack.com/docs/${TEAM}/F07T1CANVAS|open it>.`,
      },
    ]);
  });

  it("when the channel has a canvas already: a standalone canvas tabbed in the channel in one call, linked in the thread", async () => {
    const t = await golden();
    const channelCanvas = mockApi(
      "conversations.canvases.create",
      apiFixture("error_channel_canvas_already_exists"),
    );
    const created = mockApi("canvases.create", apiFixture("canvases.create_ok"));
    const access = mockApi("canvases.access.set", { ok: true });
    const posts = mockApi("chat.postMessage", {
      ok: true,
      channel: FIXTURE_CHANNEL,
      ts: "1795000100.000200",
    });
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(channelCanvas).toHaveLength(1);
    expect(created).toHaveLength(1);
    // Tabbed in the channel, its members with write access, by canvases.create itself: never a canvas
    // made but not shared.
    expect(created[0]?.channel_id).toBe(FIXTURE_CHANNEL);
    expect(created[0]?.title).toBe(TITLE);
    expect(documentOf(created[0]).markdown).toBe(GOLDEN_CANVAS);
    expect(access).toEqual([]);
    const link = `https://acme-eng.slack.com/docs/${TEAM}/F07T2CANVAS`;
    expect(posts).toEqual([
      {
        channel: FIXTURE_CHANNEL,
        thread_ts: TS,
        text: `<@${CLICKER}> exported this decision as a canvas: <${link}|${TITLE}>`,
      },
    ]);
    expect(told[0]?.text).toBe(
      `<#${FIXTURE_CHANNEL}> already has a canvas, so I made a new one, <${link}|${TITLE}>, and added it to the channel's tabs and linked it in the recommendation's thread.`,
    );
  });

  it("a standalone canvas whose link could not be posted in the thread says so", async () => {
    const t = await golden();
    mockApi("conversations.canvases.create", apiFixture("error_channel_canvas_already_exists"));
    mockApi("canvases.create", apiFixture("canvases.create_ok"));
    const posts = mockApi("chat.postMessage", { ok: false, error: "cannot_reply_to_message" });
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(posts).toHaveLength(1);
    expect(told[0]?.text).toBe(
      `<#${FIXTURE_CHANNEL}> already has a canvas, so I made a new one, <https://acme-eng.slack.com/docs/${TEAM}/F07T2CANVAS|${TITLE}>, and added it to the channel's tabs, but I couldn't link it in the recommendation's thread (Slack answered “cannot_reply_to_message”).`,
    );
  });

  it("when canvases are unavailable: the golden record, byte for byte, as a Markdown file in the thread", async () => {
    const t = await golden();
    const channelCanvas = mockApi(
      "conversations.canvases.create",
      apiFixture("error_team_tier_cannot_create_channel_canvases"),
    );
    const standalone = mockApi("canvases.create", apiFixture("canvases.create_ok"));
    const { urls, uploads, completes } = mockFileUpload();
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(channelCanvas).toHaveLength(1);
    expect(standalone).toHaveLength(0);
    const fileName = "use-flask-for-an-online-shop-or-marketplace.md";
    expect(urls).toEqual([{ filename: fileName, length: String(Buffer.byteLength(GOLDEN_MADR)) }]);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toContain(GOLDEN_MADR);
    expect(uploads[0]).not.toContain("<!date");
    expect(completes).toHaveLength(1);
    expect(completes[0]).toMatchObject({
      channel_id: FIXTURE_CHANNEL,
      thread_ts: TS,
      initial_comment: `<@${CLICKER}> exported this decision as a Markdown record (MADR), ready to commit under \`docs/adr/\`.`,
    });
    expect(JSON.parse(String(completes[0]?.files))).toEqual([{ id: "F07T3ADRFILE", title: TITLE }]);
    expect(told[0]?.text).toBe(
      `Canvases aren't available here (Slack answered “team_tier_cannot_create_channel_canvases”), so I posted the record as a Markdown file, \`${fileName}\`, in the recommendation's thread in <#${FIXTURE_CHANNEL}>.`,
    );
  });

  it("a free plan: the channel's canvas tab is taken and standalone canvases are refused, so the file", async () => {
    const t = await golden();
    mockApi("conversations.canvases.create", apiFixture("error_channel_canvas_already_exists"));
    mockApi("canvases.create", apiFixture("error_free_teams_cannot_create_non_tabbed_canvases"));
    const { urls, uploads, completes } = mockFileUpload();
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(urls).toHaveLength(1);
    expect(uploads[0]).toContain(GOLDEN_MADR);
    expect(completes).toHaveLength(1);
    expect(told[0]?.text).toContain("free_teams_cannot_create_non_tabbed_canvases");
  });

  it("restricted_action on a canvas call means canvases are restricted: the file, not 'invite me'", async () => {
    const t = await golden();
    mockApi("conversations.canvases.create", { ok: false, error: "restricted_action" });
    const { urls, completes } = mockFileUpload();
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(urls).toHaveLength(1);
    expect(completes).toHaveLength(1);
    expect(told[0]?.text).toContain("Canvases aren't available here (Slack answered “restricted_action”)");
    expect(told[0]?.text).not.toContain("/invite");
  });

  it.each([
    "invalid_auth",
    "token_revoked",
    "account_inactive",
    "not_authed",
    "ekm_access_denied",
    "invalid_arguments",
  ])("%s on a canvas call stops the export: no file is tried", async (error) => {
    const t = await golden();
    mockApi("conversations.canvases.create", { ok: false, error });
    const { urls } = mockFileUpload();
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(urls).toHaveLength(0);
    expect(told[0]?.text).toBe(
      `I couldn't export the decision record: Slack answered “${error}”. Please click *Export as ADR* again in a moment.`,
    );
  });

  it("when every route fails (an install without the new scopes), the person is told what to do", async () => {
    const t = await golden();
    mockApi("conversations.canvases.create", apiFixture("error_missing_scope_canvases"));
    const files = mockApi("files.getUploadURLExternal", apiFixture("error_missing_scope_files"));
    const completes = mockApi("files.completeUploadExternal", apiFixture("files.completeUploadExternal_ok"));
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(files).toHaveLength(1);
    expect(completes).toHaveLength(0);
    expect(told[0]?.text).toContain("Ask whoever manages the app in your workspace to reinstall it");
    expect(t.logs.some((l) => l.msg === "ADR export failed" && l.code === "missing_scope")).toBe(true);
  });

  it("a channel the bot is not in stops at once and says how to add it", async () => {
    const t = await golden();
    mockApi("conversations.canvases.create", apiFixture("error_not_in_channel"));
    const files = mockApi("files.getUploadURLExternal", apiFixture("files.getUploadURLExternal_ok"));
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(files).toHaveLength(0);
    expect(told[0]?.text).toContain("Add me with `/invite @flask-or-django` there");
  });

  it("a canvas call Slack does not answer in time is made once, and the person is told to look for the canvas", async () => {
    const t = await golden({ apiPolicy: { attemptTimeoutMs: 200, backoffMs: 10 } });
    const canvas = slowApi(
      "conversations.canvases.create",
      1000,
      apiFixture("conversations.canvases.create_ok"),
    );
    const { urls } = mockFileUpload();
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(canvas.calls).toBe(1);
    expect(urls).toHaveLength(0);
    expect(told[0]?.text).toBe(
      `Slack didn't answer in time while I was making the canvas, so it may have been made all the same: look at <#${FIXTURE_CHANNEL}>'s canvases (its Canvas tab and its tabs) before clicking *Export as ADR* again.`,
    );
  });

  it("the standalone canvas is made once too", async () => {
    const t = await golden({ apiPolicy: { attemptTimeoutMs: 200, backoffMs: 10 } });
    mockApi("conversations.canvases.create", apiFixture("error_channel_canvas_already_exists"));
    const standalone = slowApi("canvases.create", 1000, apiFixture("canvases.create_ok"));
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(standalone.calls).toBe(1);
    expect(told[0]?.text).toContain("it may have been made all the same");
  });

  it("the file upload (three requests) starts only if all three can end before the request's deadline", async () => {
    // 10 s of work budget, 4 s per request: the upload would need 12 s, so it is not started.
    const t = await golden({ apiPolicy: { workBudgetMs: 10_000, attemptTimeoutMs: 4000 } });
    mockApi("conversations.canvases.create", apiFixture("error_team_tier_cannot_create_channel_canvases"));
    const { urls } = mockFileUpload();
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(urls).toHaveLength(0);
    expect(told[0]?.text).toBe(
      "I couldn't export the decision record: Slack took too long to answer. Please click *Export as ADR* again in a moment.",
    );
  });

  it("two clicks at once make one canvas; the second clicker is told it is under way", async () => {
    const t = await golden();
    const canvas = slowApi(
      "conversations.canvases.create",
      150,
      apiFixture("conversations.canvases.create_ok"),
      1,
    );
    const told = mockResponseUrl(RESPONSE_URL);
    await Promise.all([send(t.app, clickOnMessage()), send(t.app, clickOnMessage())]);
    expect(canvas.calls).toBe(1);
    const texts = told.map((m) => String(m.text));
    expect(texts).toHaveLength(2);
    expect(texts).toContain(
      `An export of this decision is under way already (someone clicked just before you). Look for it in <#${FIXTURE_CHANNEL}> in a moment.`,
    );
    expect(texts.some((x) => x.startsWith(`I exported “${TITLE}”`))).toBe(true);

    // Two instances on one database: the lock is the database's.
    const other = await buildTestApp(undefined, { database: t.database });
    const slow = slowApi(
      "conversations.canvases.create",
      150,
      apiFixture("conversations.canvases.create_ok"),
      1,
    );
    await Promise.all([send(t.app, clickOnMessage()), send(other.app, clickOnMessage())]);
    expect(slow.calls).toBe(1);
    expect(told.slice(2).map((m) => String(m.text))).toContain(
      `An export of this decision is under way already (someone clicked just before you). Look for it in <#${FIXTURE_CHANNEL}> in a moment.`,
    );

    // Once it is done, the decision can be exported again.
    mockApi("conversations.canvases.create", apiFixture("error_channel_canvas_already_exists"));
    const again = mockApi("canvases.create", apiFixture("canvases.create_ok"));
    mockApi("chat.postMessage", { ok: true, channel: FIXTURE_CHANNEL, ts: "1795000100.000300" });
    await send(t.app, clickOnMessage());
    expect(again).toHaveLength(1);
  });

  it("a database that does not answer is said to; a stored row that fails its check gets an apology", async () => {
    const t = await golden();
    const told = mockResponseUrl(RESPONSE_URL);
    await sql`update decisions set status = 'pending' where message_ts = ${TS}`.execute(t.database.db);
    await send(t.app, clickOnMessage());
    expect(told[0]?.text).toBe(
      "Sorry, something went wrong on my side while writing this decision's record. Please try again; if it keeps happening, tell whoever runs the app in your workspace.",
    );
    expect(t.logs.some((l) => l.msg === "could not read the decision to export")).toBe(true);

    await t.database.close();
    await send(t.app, clickOnMessage());
    expect(told[1]?.text).toBe(
      "I couldn't read this decision: my database isn't answering right now. Please click *Export as ADR* again in a few minutes.",
    );
  });

  it("from App Home, a public channel's decision: exported, and the tab says where it went", async () => {
    const t = await golden();
    // A message in the channel tells the app it is public.
    await send(t.app, channelMessage(FIXTURE_CHANNEL, "channel"));
    const canvases = mockApi("conversations.canvases.create", apiFixture("conversations.canvases.create_ok"));
    const publishes = mockApi("views.publish", { ok: true });
    const home = await homeOf(t, CLICKER, publishes);
    await send(
      t.app,
      homeAction(home, "export_adr", {
        value: `${FIXTURE_CHANNEL}/${TS}`,
        user: { id: CLICKER, username: "bob" },
      }),
    );
    expect(canvases).toHaveLength(1);
    expect(documentOf(canvases[0]).markdown).toBe(GOLDEN_CANVAS);
    expect(publishes).toHaveLength(2);
    expect(publishes[1]?.user_id).toBe(CLICKER);
    expect(noticeOf(publishes[1])).toContain(
      `:information_source: I exported “${TITLE}” as the canvas of <#${FIXTURE_CHANNEL}>`,
    );
  });

  it("from App Home, a channel not known to be public: only someone who took part may export its decision", async () => {
    const t = await golden();
    const canvases = mockApi("conversations.canvases.create", apiFixture("conversations.canvases.create_ok"));
    const publishes = mockApi("views.publish", { ok: true });
    // Someone who took part sees the row (Bob gave his view)…
    const bobs = await homeOf(t, BOB, publishes);
    const row = { value: `${FIXTURE_CHANNEL}/${TS}` };
    expect(() => homeAction(bobs, "export_adr", row)).not.toThrow();
    // …and someone who did not sees no row: a click claiming it anyway is refused, and nothing is written.
    const theirs = await homeOf(t, CLICKER, publishes);
    expect(() => homeAction(theirs, "export_adr", row)).toThrow();
    const forged = homeAction(bobs, "export_adr", { ...row, user: { id: CLICKER, username: "eve" } });
    await send(t.app, forged);
    expect(canvases).toHaveLength(0);
    expect(publishes.at(-1)?.user_id).toBe(CLICKER);
    expect(noticeOf(publishes.at(-1))).toContain(
      "I can't export that decision from here: it was made in a private channel or a direct message you didn't take part in.",
    );
    expect(t.logs.some((l) => l.msg === "export from App Home refused: a private decision of others")).toBe(
      true,
    );

    await send(t.app, homeAction(bobs, "export_adr", { ...row, user: { id: BOB, username: "bob" } }));
    expect(canvases).toHaveLength(1);
  });

  it("a click on App Home whose value does not name a decision is answered on the tab, not by DM", async () => {
    const t = await golden();
    await send(t.app, channelMessage(FIXTURE_CHANNEL, "channel"));
    const publishes = mockApi("views.publish", { ok: true });
    const home = await homeOf(t, CLICKER, publishes);
    const click = homeAction(home, "export_adr", { value: `${FIXTURE_CHANNEL}/${TS}` });
    const forged = { ...click, actions: [{ ...(click.actions as Json[])[0], value: "not-a-decision" }] };
    const dms = mockApi("conversations.open", { ok: true, channel: { id: "D0DM" } });
    const posts = mockApi("chat.postMessage", { ok: true, ts: "1.1" });
    const ephemerals = mockApi("chat.postEphemeral", { ok: true });
    await send(t.app, forged);
    expect([...dms, ...posts, ...ephemerals]).toEqual([]);
    expect(noticeOf(publishes.at(-1))).toBe(
      ":information_source: I couldn't tell which decision to export. Please click *Export as ADR* on it again.",
    );
  });

  it("a recommendation nobody has decided yet is exported as a proposal", async () => {
    const db = await openDatabase("sqlite::memory:", { now: () => DECIDED_AT });
    await db.recommendations.upsert({
      teamId: TEAM,
      channelId: FIXTURE_CHANNEL,
      messageTs: TS,
      userId: ANN,
      answers: ANSWERS,
      needs: NEEDS,
      notes: NOTES,
      verdict: "django",
      scores: { flask: 32, django: 68 },
      confidence: 0.995,
      knowledgeVersion: k.meta.knowledgeVersion,
    });
    const t = await buildTestApp(undefined, { database: db });
    mockApi("auth.test", apiFixture("auth.test_ok"));
    const canvases = mockApi("conversations.canvases.create", apiFixture("conversations.canvases.create_ok"));
    mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    const markdown = documentOf(canvases[0]).markdown;
    expect(canvases[0]?.title).toBe("Use Django for an online shop or marketplace");
    expect(markdown).toMatch(/^\* \*\*Status:\*\* proposed\n\* \*\*Date:\*\* 2026-11-28\n/);
    expect(markdown).toContain("This is a proposal: the team has not decided yet.");
  });

  it("a recommendation the database lacks is exported from the answers its message carries", async () => {
    const t = await buildTestApp();
    mockApi("auth.test", apiFixture("auth.test_ok"));
    const canvases = mockApi("conversations.canvases.create", apiFixture("conversations.canvases.create_ok"));
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(canvases).toHaveLength(1);
    expect(documentOf(canvases[0]).markdown).toContain(`* **Status:** proposed`);
    expect(canvases[0]?.title).toBe("Use Django for an online shop or marketplace");
    expect(documentOf(canvases[0]).markdown).toMatch(/\* \*\*Date:\*\* 2026-11-18\n/);
    expect(told[0]?.text).toContain("as the canvas of");
  });
});
