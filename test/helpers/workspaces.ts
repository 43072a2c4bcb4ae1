/**
 * Several workspaces against the real app over HTTP: payloads from a given team (the fixtures' envelopes
 * with their team ids replaced), signed requests to a running app, and the OAuth install flow through
 * Bolt's real routes (GET /slack/install, GET /slack/oauth_redirect) with oauth.v2.access and auth.test
 * answered by nock at the test SLACK_API_URL.
 */
import type { AddressInfo } from "node:net";
import nock from "nock";
import { expect } from "vitest";
import type { Config } from "../../src/config.js";
import type { SlackApp } from "../../src/slack/app.js";
import type { Json } from "./json.js";
import { type ApiCall, apiFixture, decodeForm, SIGNING_SECRET, testConfig } from "./slack-app.js";
import { type QuestionsModal, questionnaireValues } from "./slack-flows.js";
import {
  eventBody,
  type FORM_CONTENT_TYPE,
  interactionBody,
  type JSON_CONTENT_TYPE,
  loadFixture,
  signedHeaders,
} from "./slack-request.js";

export const CLIENT_ID = "7830312345678.7830398765432";
export const CLIENT_SECRET = "3c9a0e1f7b2d4c6e8a0b1c2d3e4f5a6b";
export const STATE_SECRET = "a-state-secret-of-our-own-choosing";
/** A fixed test key (TOKEN_ENCRYPTION_KEY). */
export const ENCRYPTION_KEY = Buffer.alloc(32, 9);

/** The configuration for many workspaces (OAuth), with the test signing secret and SLACK_API_URL. */
export function manyWorkspacesConfig(overrides: Partial<Config> = {}): Config {
  const base = testConfig();
  return {
    ...base,
    slack: { signingSecret: SIGNING_SECRET, ...(base.slack.apiUrl ? { apiUrl: base.slack.apiUrl } : {}) },
    installs: {
      kind: "many",
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      stateSecret: STATE_SECRET,
      encryptionKey: ENCRYPTION_KEY,
    },
    ...overrides,
  };
}

/** A workspace as the tests use it: its team id, bot and token, and someone in it. */
export interface Workspace {
  teamId: string;
  botUserId: string;
  botId: string;
  token: string;
  user: string;
  channel: string;
}

export function workspace(n: number): Workspace {
  return {
    teamId: `T0${n}WORKSPACE`,
    botUserId: `U0${n}BOTUSER`,
    botId: `B0${n}BOTID`,
    token: `xoxb-${n}${n}${n}-team${n}-SECRETTOKEN`,
    user: `U0${n}PERSON`,
    channel: `C0${n}CHANNEL`,
  };
}

/** A running app over HTTP on 127.0.0.1. */
export interface Running {
  base: string;
  stop(): Promise<void>;
}

export async function listen(app: SlackApp["app"]): Promise<Running> {
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const { port } = (server as { address(): AddressInfo }).address();
  return { base: `http://127.0.0.1:${port}`, stop: () => app.stop().then(() => undefined) };
}

/** POSTs a signed body to the app's /slack/events. */
export function postSigned(
  base: string,
  body: string,
  contentType: typeof FORM_CONTENT_TYPE | typeof JSON_CONTENT_TYPE,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: { ...signedHeaders(SIGNING_SECRET, body, contentType), ...extraHeaders },
    body,
  });
}

/** The slash command, sent from a workspace (form body). */
export function commandFrom(ws: Workspace, text = ""): string {
  const base = loadFixture<Record<string, string>>("inbound/slash_command.json");
  return new URLSearchParams({
    ...base,
    team_id: ws.teamId,
    user_id: ws.user,
    channel_id: ws.channel,
    text,
    response_url: `https://hooks.slack.com/commands/${ws.teamId}/1/abc`,
  }).toString();
}

/** An Events API envelope from a workspace with the given event (JSON body). */
export function eventFrom(ws: Workspace, event: Json, eventId: string): string {
  const base = loadFixture<Json>("inbound/event_message_thread_reply.json");
  return eventBody({
    ...base,
    team_id: ws.teamId,
    context_team_id: ws.teamId,
    event_id: eventId,
    event,
    authorizations: [
      {
        enterprise_id: null,
        team_id: ws.teamId,
        user_id: ws.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
  });
}

/** A person's reply in a thread of a workspace's channel. */
export function threadReplyFrom(ws: Workspace, threadTs: string, text: string, ts: string): Json {
  return {
    type: "message",
    user: ws.user,
    text,
    ts,
    event_ts: ts,
    thread_ts: threadTs,
    parent_user_id: ws.botUserId,
    channel: ws.channel,
    channel_type: "channel",
    team: ws.teamId,
  };
}

/** The questionnaire submitted from a workspace (interactivity body), for the modal views.open received. */
/** Each submission is of a modal of its own, as in Slack (the app handles a view, id and hash, once). */
let submittedViews = 0;

export function submissionFrom(ws: Workspace, modal: QuestionsModal, needs: string[]): string {
  const submission = loadFixture<Json>("inbound/view_submission.json");
  submittedViews++;
  return interactionBody({
    ...submission,
    team: { id: ws.teamId, domain: "ws" },
    user: { id: ws.user, username: "p", name: "p", team_id: ws.teamId },
    view: {
      ...(submission.view as Json),
      id: `V0WS${submittedViews}`,
      team_id: ws.teamId,
      app_installed_team_id: ws.teamId,
      callback_id: "questionnaire",
      private_metadata: modal.private_metadata,
      state: { values: questionnaireValues(modal, needs) },
    },
  });
}

const API = "https://slack.test";

/** Answers `method` only when called with `token`; records each call's form fields. */
export function mockApiAs(
  token: string,
  method: string,
  response: unknown = { ok: true },
  times = 100,
): ApiCall[] {
  const calls: ApiCall[] = [];
  nock(API)
    .post(`/api/${method}`)
    .matchHeader("authorization", `Bearer ${token}`)
    .times(times)
    .reply(200, (_uri, body) => {
      calls.push(decodeForm(body));
      return typeof response === "function"
        ? (response as (c: ApiCall) => unknown)(calls.at(-1) as ApiCall)
        : response;
    });
  return calls;
}

/** The views.open answer, for a workspace's token, once (by default). */
export function mockViewsOpen(ws: Workspace, times = 1): ApiCall[] {
  return mockApiAs(ws.token, "views.open", apiFixture("views.open_ok"), times);
}

export interface InstallOptions {
  /** Token rotation on: Slack returns a refresh token and an expiry (seconds from now). */
  expiresIn?: number;
  refreshToken?: string;
}

export interface Installed {
  /** The form fields oauth.v2.access received. */
  exchange: ApiCall;
  /** The HTML page /slack/install served. */
  installPage: string;
}

/**
 * Installs the app in a workspace the way a person does: GET /slack/install (the "Add to Slack" page,
 * which sets the state cookie), then Slack's redirect to GET /slack/oauth_redirect with a code and that
 * state; oauth.v2.access and auth.test are answered by nock at the test API URL.
 */
export async function installThroughOAuth(
  base: string,
  ws: Workspace,
  options: InstallOptions = {},
): Promise<Installed> {
  const page = await fetch(`${base}/slack/install`, { redirect: "manual" });
  expect(page.status).toBe(200);
  const installPage = await page.text();
  const cookie = page.headers.get("set-cookie") ?? "";
  const state = /slack-app-oauth-state=([^;]+)/.exec(cookie)?.[1];
  expect(state, "the install page sets the state cookie").toBeDefined();
  expect(installPage).toContain(`state=${state}`);

  const exchanges: ApiCall[] = [];
  nock(API)
    .post("/api/oauth.v2.access")
    .reply(200, (_uri, body) => {
      exchanges.push(decodeForm(body));
      return {
        ok: true,
        app_id: "A07R3LF8WPQ",
        authed_user: { id: ws.user },
        scope: "commands,chat:write,app_mentions:read,channels:history,groups:history,im:history,im:write",
        token_type: "bot",
        access_token: ws.token,
        bot_user_id: ws.botUserId,
        team: { id: ws.teamId, name: `Team ${ws.teamId}` },
        enterprise: null,
        is_enterprise_install: false,
        ...(options.expiresIn !== undefined
          ? {
              expires_in: options.expiresIn,
              refresh_token: options.refreshToken ?? `xoxe-1-refresh-${ws.teamId}`,
            }
          : {}),
      };
    });
  mockApiAs(
    ws.token,
    "auth.test",
    {
      ok: true,
      url: "https://ws.slack.com/",
      team: `Team ${ws.teamId}`,
      user: "flask_or_django",
      team_id: ws.teamId,
      user_id: ws.botUserId,
      bot_id: ws.botId,
      is_enterprise_install: false,
    },
    1,
  );

  const redirect = await fetch(`${base}/slack/oauth_redirect?code=code-for-${ws.teamId}&state=${state}`, {
    headers: { cookie: `slack-app-oauth-state=${state}` },
    redirect: "manual",
  });
  const text = await redirect.text();
  expect(redirect.status, text).toBe(200);
  expect(exchanges).toHaveLength(1);
  return { exchange: exchanges[0] as ApiCall, installPage };
}

/** A button clicked on a message in a workspace (block_actions, interactivity body). */
export function buttonFrom(ws: Workspace, actionId: string, messageTs: string, value = "x"): string {
  const base = loadFixture<Json>("inbound/block_actions_button.json");
  return interactionBody({
    ...base,
    team: { id: ws.teamId, domain: "ws" },
    user: { id: ws.user, username: "p", name: "p", team_id: ws.teamId },
    channel: { id: ws.channel, name: "c" },
    container: { type: "message", message_ts: messageTs, channel_id: ws.channel, is_ephemeral: false },
    message: { ...(base.message as Json), ts: messageTs },
    response_url: `https://hooks.slack.com/actions/${ws.teamId}/1/abc`,
    actions: [{ action_id: actionId, block_id: "b", type: "button", value, action_ts: "1732384520.447211" }],
  });
}
