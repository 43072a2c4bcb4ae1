/**
 * Installable by any workspace: the OAuth flow through Bolt's real HTTP routes, the installation stored
 * encrypted, each workspace's requests made with its own token, token rotation, and app_uninstalled
 * removing the workspace's data. The app runs over HTTP on 127.0.0.1; the Web API is nock at the test
 * SLACK_API_URL, and each mock answers only when called with the expected workspace's token.
 */
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authorizationUrlFor, CANNOT_AUTHORIZE } from "../../src/slack/installation-options.js";
import { openDatabase } from "../../src/storage/index.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import { API_URL, buildTestApp, eventually, type TestApp } from "../helpers/slack-app.js";
import type { QuestionsModal } from "../helpers/slack-flows.js";
import { FORM_CONTENT_TYPE, JSON_CONTENT_TYPE } from "../helpers/slack-request.js";
import {
  buttonFrom,
  CLIENT_ID,
  CLIENT_SECRET,
  commandFrom,
  ENCRYPTION_KEY,
  eventFrom,
  installThroughOAuth,
  listen,
  manyWorkspacesConfig,
  mockApiAs,
  mockViewsOpen,
  postSigned,
  type Running,
  STATE_SECRET,
  submissionFrom,
  threadReplyFrom,
  workspace,
} from "../helpers/workspaces.js";

const ONE = workspace(1);
const TWO = workspace(2);

let t: TestApp;
let running: Running | undefined;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  const database = await openDatabase("sqlite::memory:", { encryptionKey: ENCRYPTION_KEY });
  t = await buildTestApp(manyWorkspacesConfig(), { database, botIds: false });
  running = await listen(t.app);
});
afterEach(async () => {
  await running?.stop();
  await t.database.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

const base = () => running?.base ?? "";

/** /flask-or-django from a workspace, then its modal submitted; returns the chat.postMessage it made. */
async function recommendFrom(ws: typeof ONE, ts: string) {
  const opens = mockViewsOpen(ws);
  const res = await postSigned(base(), commandFrom(ws), FORM_CONTENT_TYPE);
  expect(res.status).toBe(200);
  await eventually(() => expect(opens).toHaveLength(1));
  const posts = mockApiAs(ws.token, "chat.postMessage", { ok: true, channel: ws.channel, ts }, 1);
  const submitted = await postSigned(
    base(),
    submissionFrom(ws, opens[0]?.view as QuestionsModal, ["admin"]),
    FORM_CONTENT_TYPE,
  );
  expect(submitted.status).toBe(200);
  await eventually(() => expect(posts).toHaveLength(1));
  await eventually(async () =>
    expect(await t.database.recommendations.find(ws.teamId, ws.channel, ts)).toBeDefined(),
  );
  return posts[0];
}

describe("the authorize page", () => {
  it("sits beside the Web API of the Slack that SLACK_API_URL names", () => {
    expect(authorizationUrlFor("https://slack.com/api/")).toBe("https://slack.com/oauth/v2/authorize");
    expect(authorizationUrlFor("https://slack-gov.com/api")).toBe("https://slack-gov.com/oauth/v2/authorize");
    expect(authorizationUrlFor("http://127.0.0.1:3999/api/")).toBe(
      "http://127.0.0.1:3999/oauth/v2/authorize",
    );
  });
});

describe("installing through OAuth", () => {
  it("/slack/install sets the state; /slack/oauth_redirect exchanges the code at SLACK_API_URL and stores the installation encrypted", async () => {
    const { exchange, installPage } = await installThroughOAuth(base(), ONE);
    // The "Add to Slack" page asks for exactly the manifest's bot scopes, with our client id, at the
    // authorize page of the Slack that SLACK_API_URL names.
    expect(installPage).toContain(`client_id=${CLIENT_ID}`);
    expect(installPage).toContain(`href="${authorizationUrlFor(API_URL)}?`);
    expect(authorizationUrlFor(API_URL)).toBe("https://slack.test/oauth/v2/authorize");
    expect(decodeURIComponent(installPage)).toContain(
      "scope=commands,chat:write,app_mentions:read,channels:history,groups:history,im:history,im:write",
    );
    expect(exchange).toMatchObject({
      code: `code-for-${ONE.teamId}`,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });

    const rows = await t.database.db.selectFrom("installations").selectAll().execute();
    expect(rows.map((r) => r.installation_key)).toEqual([`team:${ONE.teamId}`]);
    expect(rows[0]?.data).not.toContain(ONE.token);
    expect(Buffer.from(rows[0]?.data ?? "", "base64").toString("latin1")).not.toContain(ONE.token);
    const stored = await t.database.installations.fetchInstallation({
      teamId: ONE.teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(stored.bot).toMatchObject({ token: ONE.token, userId: ONE.botUserId, id: ONE.botId });
  });

  it("a request from an installed workspace uses that workspace's token; a second workspace uses its own", async () => {
    await installThroughOAuth(base(), ONE);
    await installThroughOAuth(base(), TWO);

    const opensOne = mockViewsOpen(ONE);
    const opensTwo = mockViewsOpen(TWO);
    expect((await postSigned(base(), commandFrom(ONE), FORM_CONTENT_TYPE)).status).toBe(200);
    expect((await postSigned(base(), commandFrom(TWO), FORM_CONTENT_TYPE)).status).toBe(200);
    await eventually(() => {
      expect(opensOne).toHaveLength(1);
      expect(opensTwo).toHaveLength(1);
    });
  });

  it("the recommendation, its thread answers and its feedback go through the workspace's own token and rows", async () => {
    await installThroughOAuth(base(), ONE);
    const TS = "1732384800.000100";
    const post = await recommendFrom(ONE, TS);
    expect(post?.channel).toBe(ONE.channel);

    // A question in its thread: the context comes from the database; the answer is posted with ONE's token.
    const answers = mockApiAs(ONE.token, "chat.postMessage", {
      ok: true,
      channel: ONE.channel,
      ts: "1732384801.000100",
    });
    const replies = mockApiAs(ONE.token, "conversations.replies", { ok: true, messages: [] });
    const res = await postSigned(
      base(),
      eventFrom(ONE, threadReplyFrom(ONE, TS, "what about the admin?", "1732384801.000001"), "Ev0OAUTH1"),
      JSON_CONTENT_TYPE,
    );
    expect(res.status).toBe(200);
    await eventually(() => expect(answers).toHaveLength(1));
    expect(answers[0]?.thread_ts).toBe(TS);
    expect(replies).toHaveLength(0);

    // Helpful: stored against ONE's recommendation, acknowledged through the action's response_url.
    const acks = mockResponseUrl(`https://hooks.slack.com/actions/${ONE.teamId}/1/abc`);
    const clicked = await postSigned(base(), buttonFrom(ONE, "feedback_helpful", TS), FORM_CONTENT_TYPE);
    expect(clicked.status).toBe(200);
    await eventually(() => expect(acks).toHaveLength(1));
    expect(await t.database.feedback.listForRecommendation(ONE.teamId, ONE.channel, TS)).toMatchObject([
      { userId: ONE.user, value: "helpful" },
    ]);
  });

  it("with token rotation on, the refresh token is stored and an expiring token is refreshed before use", async () => {
    await installThroughOAuth(base(), ONE, { expiresIn: 60, refreshToken: "xoxe-1-first-refresh" });
    const query = { teamId: ONE.teamId, enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await t.database.installations.fetchInstallation(query)).bot?.refreshToken).toBe(
      "xoxe-1-first-refresh",
    );

    // It expires within Bolt's two-hour margin: the next request refreshes it first (oauth.v2.access with
    // the refresh token, at SLACK_API_URL), then uses the new token.
    const refreshed: Array<Record<string, unknown>> = [];
    nock("https://slack.test")
      .post("/api/oauth.v2.access")
      .reply(200, (_uri, body) => {
        refreshed.push(Object.fromEntries(new URLSearchParams(String(body))));
        return {
          ok: true,
          token_type: "bot",
          access_token: "xoxb-111-team1-ROTATEDTOKEN",
          refresh_token: "xoxe-1-second-refresh",
          expires_in: 43_200,
        };
      });
    const opens = mockApiAs("xoxb-111-team1-ROTATEDTOKEN", "views.open", { ok: true, view: { id: "V1" } });
    expect((await postSigned(base(), commandFrom(ONE), FORM_CONTENT_TYPE)).status).toBe(200);
    await eventually(() => expect(opens).toHaveLength(1));
    expect(refreshed[0]).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: "xoxe-1-first-refresh",
    });
    const after = await t.database.installations.fetchInstallation(query);
    expect(after.bot).toMatchObject({
      token: "xoxb-111-team1-ROTATEDTOKEN",
      refreshToken: "xoxe-1-second-refresh",
    });
  });
});

describe("a listener that fails", () => {
  it("is apologised for with the workspace's own token (the app's client has none)", async () => {
    await installThroughOAuth(base(), ONE);
    mockApiAs(ONE.token, "views.publish", { ok: false, error: "internal_error" });
    const apologies = mockApiAs(ONE.token, "chat.postEphemeral", { ok: true, message_ts: "1.2" });
    const opened = {
      type: "app_home_opened",
      user: ONE.user,
      channel: "D0HOME",
      tab: "home",
      event_ts: "1.1",
    };
    expect((await postSigned(base(), eventFrom(ONE, opened, "Ev0HOME1"), JSON_CONTENT_TYPE)).status).toBe(
      200,
    );
    await eventually(() => expect(apologies).toHaveLength(1));
    expect(apologies[0]).toMatchObject({ user: ONE.user, channel: "D0HOME" });
    expect(String(apologies[0]?.text)).toMatch(/sorry/i);
  });
});

describe("a workspace with no installation", () => {
  it("gets Bolt's not-installed answer (401, no listener, a log line), and the app keeps serving others", async () => {
    await installThroughOAuth(base(), ONE);
    const never = workspace(3);
    const opens = mockViewsOpen(never);
    const res = await postSigned(base(), commandFrom(never), FORM_CONTENT_TYPE);
    expect(res.status).toBe(401);
    expect(opens).toHaveLength(0);
    expect(t.logs.some((l) => String(l.msg).includes("no installation") && l.team === never.teamId)).toBe(
      true,
    );

    const opensOne = mockViewsOpen(ONE);
    expect((await postSigned(base(), commandFrom(ONE), FORM_CONTENT_TYPE)).status).toBe(200);
    await eventually(() => expect(opensOne).toHaveLength(1));
  });
});

describe("a database that is down", () => {
  it("a command gets an answer saying so (through its response_url); an event gets Bolt's 401, for Slack to retry", async () => {
    await installThroughOAuth(base(), ONE);
    await t.database.close();
    const told = mockResponseUrl(`https://hooks.slack.com/commands/${ONE.teamId}/1/abc`);
    const res = await postSigned(base(), commandFrom(ONE), FORM_CONTENT_TYPE);
    expect(res.status).toBe(200);
    await eventually(() => expect(told.map((m) => m.text)).toEqual([CANNOT_AUTHORIZE]));
    expect(
      t.logs.some((l) => l.msg === "could not read the workspace's installation" && l.level === 50),
    ).toBe(true);

    const event = eventFrom(
      ONE,
      threadReplyFrom(ONE, "1732384800.000100", "admin?", "1732384801.000009"),
      "Ev0DOWN1",
    );
    expect((await postSigned(base(), event, JSON_CONTENT_TYPE)).status).toBe(401);
  });
});

describe("uninstalling", () => {
  it("app_uninstalled deletes that workspace's installation, recommendations and feedback, and nothing of another's", async () => {
    await installThroughOAuth(base(), ONE);
    await installThroughOAuth(base(), TWO);
    await recommendFrom(ONE, "1732384900.000100");
    await recommendFrom(TWO, "1732384900.000200");
    await t.database.feedback.upsert({
      teamId: ONE.teamId,
      channelId: ONE.channel,
      messageTs: "1732384900.000100",
      userId: ONE.user,
      value: "helpful",
    });

    const res = await postSigned(
      base(),
      eventFrom(ONE, { type: "app_uninstalled" }, "Ev0UNINSTALL1"),
      JSON_CONTENT_TYPE,
    );
    expect(res.status).toBe(200);
    await eventually(async () => expect(await t.database.recommendations.listByTeam(ONE.teamId)).toEqual([]));
    const keys = (await t.database.db.selectFrom("installations").select("installation_key").execute()).map(
      (r) => r.installation_key,
    );
    expect(keys).toEqual([`team:${TWO.teamId}`]);
    expect(
      await t.database.feedback.listForRecommendation(ONE.teamId, ONE.channel, "1732384900.000100"),
    ).toEqual([]);
    expect(await t.database.recommendations.listByTeam(TWO.teamId)).toHaveLength(1);

    // The first workspace is now "not installed"; the second still works with its own token.
    expect((await postSigned(base(), commandFrom(ONE), FORM_CONTENT_TYPE)).status).toBe(401);
    const opensTwo = mockViewsOpen(TWO);
    expect((await postSigned(base(), commandFrom(TWO), FORM_CONTENT_TYPE)).status).toBe(200);
    await eventually(() => expect(opensTwo).toHaveLength(1));
  });

  it("an org-wide install (Enterprise Grid) is deleted with every row stored for its org, and only those", async () => {
    const org = { teamId: "T0ORGTEAM", enterpriseId: "E0ORG", user: "U0ORGPERSON" };
    await t.database.installations.storeInstallation({
      team: undefined,
      enterprise: { id: org.enterpriseId, name: "Org" },
      user: { id: org.user, token: undefined, scopes: undefined },
      bot: { id: "B0ORG", userId: "U0ORGBOT", token: "xoxb-org-SECRETTOKEN", scopes: ["commands"] },
      tokenType: "bot",
      isEnterpriseInstall: true,
      authVersion: "v2",
    });
    await installThroughOAuth(base(), ONE);
    const row = {
      channelId: "C0ORG",
      userId: org.user,
      answers: {},
      needs: [],
      notes: "",
      verdict: "django" as const,
      scores: { flask: 40, django: 60 },
      confidence: 0.8,
      knowledgeVersion: "k",
    };
    await t.database.recommendations.upsert({
      ...row,
      teamId: org.teamId,
      enterpriseId: org.enterpriseId,
      messageTs: "1.1",
    });
    await t.database.recommendations.upsert({ ...row, teamId: ONE.teamId, messageTs: "1.2" });

    const envelope = JSON.parse(eventFrom(ONE, { type: "app_uninstalled" }, "Ev0ORGGONE1")) as Record<
      string,
      unknown
    >;
    const body = JSON.stringify({
      ...envelope,
      team_id: org.teamId,
      enterprise_id: org.enterpriseId,
      context_team_id: org.teamId,
      context_enterprise_id: org.enterpriseId,
      is_enterprise_install: true,
      authorizations: [
        {
          enterprise_id: org.enterpriseId,
          team_id: null,
          user_id: "U0ORGBOT",
          is_bot: true,
          is_enterprise_install: true,
        },
      ],
    });
    expect((await postSigned(base(), body, JSON_CONTENT_TYPE)).status).toBe(200);
    await eventually(async () => expect(await t.database.recommendations.listByTeam(org.teamId)).toEqual([]));
    const keys = (await t.database.db.selectFrom("installations").select("installation_key").execute()).map(
      (r) => r.installation_key,
    );
    expect(keys).toEqual([`team:${ONE.teamId}`]);
    expect(await t.database.recommendations.listByTeam(ONE.teamId)).toHaveLength(1);
  });

  it("tokens_revoked for the bot deletes the workspace's data the same way", async () => {
    await installThroughOAuth(base(), ONE);
    await recommendFrom(ONE, "1732385000.000100");
    const event = { type: "tokens_revoked", tokens: { bot: [ONE.botUserId] } };
    expect((await postSigned(base(), eventFrom(ONE, event, "Ev0REVOKED1"), JSON_CONTENT_TYPE)).status).toBe(
      200,
    );
    await eventually(async () => {
      expect(await t.database.db.selectFrom("installations").selectAll().execute()).toEqual([]);
      expect(await t.database.recommendations.listByTeam(ONE.teamId)).toEqual([]);
    });
  });
});

describe("secrets", () => {
  it("no token, refresh token, client secret or state secret reaches a log line, even at debug", async () => {
    await installThroughOAuth(base(), ONE, { expiresIn: 43_200, refreshToken: "xoxe-1-REFRESHSECRET" });
    await recommendFrom(ONE, "1732385100.000100");
    await postSigned(base(), commandFrom(workspace(4)), FORM_CONTENT_TYPE);
    const text = JSON.stringify(t.logs);
    expect(t.logs.length).toBeGreaterThan(20);
    for (const secret of [
      ONE.token,
      "xoxe-1-REFRESHSECRET",
      CLIENT_SECRET,
      STATE_SECRET,
      "SECRETTOKEN",
      "REFRESHSECRET",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
