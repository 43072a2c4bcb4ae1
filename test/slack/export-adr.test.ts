/**
 * "Export as ADR" through the real app, for the golden file's scenario stored in the database (an online
 * shop whose team knows Flask; the answers favour Django; Ann decides for Flask with her reason,
 * superseding the channel's decision of 2026-09-01, after Bob's view and two votes):
 *
 * - the channel's canvas (conversations.canvases.create) with the golden record, adapted for canvases;
 * - the channel has one already: a standalone canvas (canvases.create), opened to the channel
 *   (canvases.access.set) and linked in the recommendation's thread;
 * - canvases unavailable: the golden record byte for byte as a Markdown file in the thread
 *   (files.getUploadURLExternal, the upload, files.completeUploadExternal);
 * - every route failing: the person is told why and what to do.
 *
 * From the recommendation message (the person is told through its response_url) and from App Home (at
 * the top of the tab). Web API, the upload URL and response_urls mocked with nock.
 */
import { readFileSync } from "node:fs";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { getKnowledge, toProfile } from "../../src/engine/index.js";
import { adrAsCanvas } from "../../src/slack/services/canvas-markdown.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { type Database, openDatabase } from "../../src/storage/index.js";
import { GOLDEN_ADR, GOLDEN_SCENARIO } from "../helpers/golden-adr.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import { type ApiCall, apiFixture, buildTestApp, mockApi, send, type TestApp } from "../helpers/slack-app.js";
import { buttonClick, FIXTURE_CHANNEL, homeAction, type PublishedHome } from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

isolateNetwork();

const k = getKnowledge();
const TEAM = "T07QDKX2N5M";
const ANN = "U0ANNLEE1";
const BOB = "U0BOBNG01";
const CY = "U0CYPARK1";
/** The person clicking (the fixture's). */
const CLICKER = "U06JK2P7RCD";
const TS = "1795000000.000100";
/** 2026-09-01: the decision the golden one supersedes, in the same channel. */
const EARLIER_TS = "1788264000.000100";
const DECIDED_AT = Date.UTC(2026, 10, 28, 9);
const RESPONSE_URL = "https://hooks.slack.com/actions/T07QDKX2N5M/8034588812345/9hGk2LmN4pQr6sTu8vWxYz0A";
const UPLOAD = new URL((apiFixture("files.getUploadURLExternal_ok") as { upload_url: string }).upload_url);

const GOLDEN = readFileSync(GOLDEN_ADR, "utf8");

/**
 * The golden record as the app writes it from Slack: people and channels by id (no scope reads names),
 * and the superseded decision named by its message, as stored decisions are.
 */
const EXPECTED_MADR = GOLDEN.replace("decision-makers: Ann Lee", `decision-makers: "@${ANN}"`)
  .replace("consulted: Bob Ng, Cy Park", `consulted: "@${BOB}, @${CY}"`)
  .replaceAll("Ann Lee", `@${ANN}`)
  .replaceAll("Bob Ng", `@${BOB}`)
  .replaceAll("Cy Park", `@${CY}`)
  .replace(
    "the decision of 2026-09-01 in \\#shop (Django)",
    `the decision on the recommendation of 2026-09-01 in \\#${FIXTURE_CHANNEL} (message ${EARLIER_TS})`,
  );

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

async function golden(): Promise<TestApp> {
  const db = await openDatabase("sqlite::memory:", { now: () => DECIDED_AT });
  await seedGolden(db);
  const t = await buildTestApp(undefined, { database: db });
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

describe("Export as ADR", () => {
  it("the golden scenario's record matches the golden file", () => {
    // The comparison below rests on this: the app's rendering of the stored scenario is the golden
    // record with names as ids (checked through the file upload, which sends it unchanged).
    expect(EXPECTED_MADR).not.toBe(GOLDEN);
    expect(EXPECTED_MADR).toContain(`decision-makers: "@${ANN}"`);
    expect(EXPECTED_MADR).toContain(`* Supersedes the decision on the recommendation of 2026-09-01`);
  });

  it("makes the channel's canvas with the golden record, and tells the person where it is", async () => {
    const t = await golden();
    const canvases = mockApi("conversations.canvases.create", apiFixture("conversations.canvases.create_ok"));
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(canvases).toHaveLength(1);
    const expected = adrAsCanvas(EXPECTED_MADR);
    expect(canvases[0]?.channel_id).toBe(FIXTURE_CHANNEL);
    expect(canvases[0]?.title).toBe("Use Flask for an online shop or marketplace");
    expect(documentOf(canvases[0])).toEqual({ type: "markdown", markdown: expected.markdown });
    // Adapted for canvases: no front matter, the title apart, mentions and links canvases read.
    expect(
      expected.markdown.startsWith(
        `* **Status:** accepted\n* **Date:** 2026-11-28\n* **Decision-makers:** ![](@${ANN})\n`,
      ),
    ).toBe(true);
    expect(expected.markdown).not.toContain("# Use Flask");
    expect(expected.markdown).toContain(
      "* [https://docs.djangoproject.com/en/stable/faq/general/](https://docs.djangoproject.com/en/stable/faq/general/)",
    );
    expect(expected.markdown).toContain(`in ![](#${FIXTURE_CHANNEL}) (message ${EARLIER_TS})`);
    expect(expected.markdown).toContain('## Decision Outcome\n\nChosen option: "Flask"');
    expect(told).toEqual([
      {
        response_type: "ephemeral",
        replace_original: false,
        text: `I exported “Use Flask for an online shop or marketplace” as the canvas of <#${FIXTURE_CHANNEL}> (its Canvas tab): <https://acme-eng.slack.com/docs/${TEAM}/F07T1CANVAS|open it>.`,
      },
    ]);
  });

  it("when the channel has a canvas already: a standalone canvas, shared with the channel and linked in the thread", async () => {
    const t = await golden();
    const channelCanvas = mockApi(
      "conversations.canvases.create",
      apiFixture("error_channel_canvas_already_exists"),
    );
    const created = mockApi("canvases.create", apiFixture("canvases.create_ok"));
    const access = mockApi("canvases.access.set", apiFixture("canvases.access.set_ok"));
    const posts = mockApi("chat.postMessage", {
      ok: true,
      channel: FIXTURE_CHANNEL,
      ts: "1795000100.000200",
    });
    const told = mockResponseUrl(RESPONSE_URL);
    await send(t.app, clickOnMessage());
    expect(channelCanvas).toHaveLength(1);
    expect(created).toHaveLength(1);
    expect(created[0]?.channel_id).toBeUndefined();
    expect(created[0]?.title).toBe("Use Flask for an online shop or marketplace");
    expect(documentOf(created[0]).markdown).toBe(adrAsCanvas(EXPECTED_MADR).markdown);
    expect(access).toEqual([
      { canvas_id: "F07T2CANVAS", access_level: "write", channel_ids: `["${FIXTURE_CHANNEL}"]` },
    ]);
    const link = `https://acme-eng.slack.com/docs/${TEAM}/F07T2CANVAS`;
    expect(posts).toEqual([
      {
        channel: FIXTURE_CHANNEL,
        thread_ts: TS,
        text: `<@${CLICKER}> exported this decision as a canvas: <${link}|Use Flask for an online shop or marketplace>`,
      },
    ]);
    expect(told[0]?.text).toBe(
      `<#${FIXTURE_CHANNEL}> already has a canvas, so I made a new one, <${link}|Use Flask for an online shop or marketplace>, shared it with the channel and linked it in the recommendation's thread.`,
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
    expect(urls).toEqual([{ filename: fileName, length: String(Buffer.byteLength(EXPECTED_MADR)) }]);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toContain(EXPECTED_MADR);
    expect(completes).toHaveLength(1);
    expect(completes[0]).toMatchObject({
      channel_id: FIXTURE_CHANNEL,
      thread_ts: TS,
      initial_comment: `<@${CLICKER}> exported this decision as a Markdown record (MADR), ready to commit under \`docs/adr/\`.`,
    });
    expect(JSON.parse(String(completes[0]?.files))).toEqual([
      { id: "F07T3ADRFILE", title: "Use Flask for an online shop or marketplace" },
    ]);
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
    expect(uploads[0]).toContain(EXPECTED_MADR);
    expect(completes).toHaveLength(1);
    expect(told[0]?.text).toContain("free_teams_cannot_create_non_tabbed_canvases");
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

  it("from App Home: the row's decision is exported, and the tab says where it went", async () => {
    const t = await golden();
    const publishes = mockApi("views.publish", { ok: true });
    const canvases = mockApi("conversations.canvases.create", apiFixture("conversations.canvases.create_ok"));
    const base = loadFixture<Json & { event: Json }>("inbound/event_app_home_opened.json");
    await send(t.app, { ...base, event: { ...base.event, tab: "home", user: CLICKER } });
    const home = publishes[0]?.view as PublishedHome;
    await send(
      t.app,
      homeAction(home, "export_adr", {
        value: `${FIXTURE_CHANNEL}/${TS}`,
        user: { id: CLICKER, username: "bob" },
      }),
    );
    expect(canvases).toHaveLength(1);
    expect(documentOf(canvases[0]).markdown).toBe(adrAsCanvas(EXPECTED_MADR).markdown);
    expect(publishes).toHaveLength(2);
    const after = publishes[1]?.view as PublishedHome;
    expect(publishes[1]?.user_id).toBe(CLICKER);
    expect(JSON.stringify(after.blocks)).toContain(
      `:information_source: I exported “Use Flask for an online shop or marketplace” as the canvas of <#${FIXTURE_CHANNEL}>`,
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
