/** Sample rows for the storage contract suite. Token values are recognisable so tests can search for them. */
import type { Installation } from "@slack/bolt";
import type {
  FeedbackInput,
  RecommendationInput,
  ScheduledReminderInput,
  ViewInput,
} from "../../src/storage/index.js";

export const BOT_TOKEN = "xoxb-1111-2222-SECRETBOTTOKEN";
export const BOT_REFRESH = "xoxe-1-SECRETBOTREFRESH";
export const USER_TOKEN = "xoxp-3333-4444-SECRETUSERTOKEN";
export const USER_REFRESH = "xoxe-1-SECRETUSERREFRESH";
export const ALL_SECRETS = [BOT_TOKEN, BOT_REFRESH, USER_TOKEN, USER_REFRESH, "SECRET"];

/** A workspace install (optionally inside an Enterprise Grid org), with token rotation on. */
export function workspaceInstall(
  teamId: string,
  options: { enterpriseId?: string } = {},
): Installation<"v2", false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: options.enterpriseId === undefined ? undefined : { id: options.enterpriseId, name: "Org" },
    user: {
      id: "UINSTALLER",
      token: USER_TOKEN,
      refreshToken: USER_REFRESH,
      expiresAt: 2_000_000_000,
      scopes: ["search:read"],
    },
    bot: {
      id: "B0001",
      userId: "UBOT",
      token: BOT_TOKEN,
      refreshToken: BOT_REFRESH,
      expiresAt: 2_000_000_000,
      scopes: ["commands", "chat:write"],
    },
    incomingWebhook: { url: "https://hooks.slack.com/services/T/B/SECRETHOOK", channel: "#general" },
    appId: "A0001",
    tokenType: "bot",
    isEnterpriseInstall: false,
    authVersion: "v2",
    metadata: "installed from the landing page",
  };
}

/** An org-wide install: no team, the enterprise is the key. */
export function orgInstall(enterpriseId: string): Installation<"v2", true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: "Org" },
    user: { id: "UADMIN", token: undefined, scopes: undefined },
    bot: { id: "B0002", userId: "UBOT2", token: BOT_TOKEN, scopes: ["commands", "chat:write"] },
    appId: "A0001",
    tokenType: "bot",
    enterpriseUrl: "https://org.enterprise.slack.com/",
    isEnterpriseInstall: true,
    authVersion: "v2",
  };
}

let ts = 1_700_000_000;
/** A distinct Slack message ts each call. */
export function nextTs(): string {
  ts += 1;
  return `${ts}.000100`;
}

export function recommendation(overrides: Partial<RecommendationInput> = {}): RecommendationInput {
  return {
    teamId: "T1",
    channelId: "C1",
    messageTs: nextTs(),
    userId: "U1",
    answers: { project_type: "rest_api", size: "large", team_knows: "neither" },
    needs: ["admin", "auth"],
    notes: "Staff edit records; “quotes” and emoji 🐍 survive",
    verdict: "django",
    scores: { flask: 31.5, django: 68.5 },
    confidence: 0.93,
    knowledgeVersion: "2026-11-01",
    ...overrides,
  };
}

export function feedback(overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return {
    teamId: "T1",
    channelId: "C1",
    messageTs: "1700000000.000100",
    userId: "U2",
    value: "helpful",
    ...overrides,
  };
}

export function view(overrides: Partial<ViewInput> = {}): ViewInput {
  return {
    teamId: "T1",
    channelId: "C1",
    messageTs: "1700000000.000100",
    userId: "U2",
    answers: { project_type: "rest_api", size: "small" },
    needs: ["auth"],
    notes: "We’d keep it small 🐍",
    ...overrides,
  };
}

export function reminder(overrides: Partial<ScheduledReminderInput> = {}): ScheduledReminderInput {
  return {
    teamId: "T1",
    channelId: "C1",
    scheduledMessageId: `Q${nextTs().replace(".", "")}`,
    decisionChannelId: "C1",
    decisionTs: "1700000000.000100",
    postAt: 4_000_000_000_000,
    createdBy: "U1",
    ...overrides,
  };
}
