/**
 * The requests Slack sends to an app, built in the shapes of test/fixtures/inbound: a slash command
 * (form fields), block_actions and view_submission (interactivity payloads), and Events API envelopes.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Json } from "../fake-slack/types.js";
import { type Person, WORKSPACE } from "../workspace.js";

const userOf = (who: Person) => ({
  id: who.id,
  username: who.name,
  name: who.name,
  team_id: WORKSPACE.team.id,
});
const team = () => ({ id: WORKSPACE.team.id, domain: WORKSPACE.team.domain });
const nowTs = () => (Date.now() / 1000).toFixed(6);

export function slashCommand(
  who: Person,
  text: string,
  triggerId: string,
  responseUrl: string,
): Record<string, string> {
  return {
    token: WORKSPACE.verificationToken,
    team_id: WORKSPACE.team.id,
    team_domain: WORKSPACE.team.domain,
    channel_id: WORKSPACE.channel.id,
    channel_name: WORKSPACE.channel.name,
    user_id: who.id,
    user_name: who.name,
    command: "/flask-or-django",
    text,
    api_app_id: WORKSPACE.apiAppId,
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: triggerId,
  };
}

/** Where a block action happened: a message in the channel, or a view (App Home). */
export type ActionContainer =
  | {
      type: "message";
      channel: string;
      messageTs: string;
      threadTs?: string;
      ephemeral: boolean;
      message?: Json;
    }
  | { type: "view"; view: Json };

export function blockActions(opts: {
  who: Person;
  container: ActionContainer;
  triggerId: string;
  responseUrl?: string;
  action: Json;
  stateValues: Json;
}): Json {
  const c = opts.container;
  const base: Json = {
    type: "block_actions",
    user: userOf(opts.who),
    api_app_id: WORKSPACE.apiAppId,
    token: WORKSPACE.verificationToken,
    trigger_id: opts.triggerId,
    team: team(),
    enterprise: null,
    is_enterprise_install: false,
    state: { values: opts.stateValues },
    actions: [{ ...opts.action, action_ts: nowTs() }],
  };
  if (c.type === "view") {
    return { ...base, container: { type: "view", view_id: c.view.id }, view: c.view };
  }
  return {
    ...base,
    container: {
      type: "message",
      message_ts: c.messageTs,
      channel_id: c.channel,
      is_ephemeral: c.ephemeral,
      ...(c.threadTs ? { thread_ts: c.threadTs } : {}),
    },
    channel: {
      id: c.channel,
      name: c.channel === WORKSPACE.channel.id ? WORKSPACE.channel.name : "directmessage",
    },
    // Slack leaves the message out when it was ephemeral.
    ...(c.message ? { message: c.message } : {}),
    ...(opts.responseUrl ? { response_url: opts.responseUrl } : {}),
  };
}

export function viewSubmission(who: Person, view: Json, triggerId: string): Json {
  return {
    type: "view_submission",
    team: team(),
    user: userOf(who),
    api_app_id: WORKSPACE.apiAppId,
    token: WORKSPACE.verificationToken,
    trigger_id: triggerId,
    view,
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** The Events API envelope around one event, with a fresh event_id as Slack gives each delivery. */
export function eventCallback(event: Json): Json {
  return {
    token: WORKSPACE.verificationToken,
    team_id: WORKSPACE.team.id,
    context_team_id: WORKSPACE.team.id,
    context_enterprise_id: null,
    api_app_id: WORKSPACE.apiAppId,
    event,
    type: "event_callback",
    event_id: `Ev${randomBytes(5).toString("hex").toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: WORKSPACE.team.id,
        user_id: WORKSPACE.bot.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

/** A person's message as the `message` (and, when it mentions the bot, `app_mention`) event carries it. */
export function messageEvents(
  who: Person,
  m: { channel: string; ts: string; text: string; threadTs?: string },
): Json[] {
  const common = {
    user: who.id,
    ts: m.ts,
    client_msg_id: randomUUID(),
    text: m.text,
    team: WORKSPACE.team.id,
    ...(m.threadTs ? { thread_ts: m.threadTs, parent_user_id: WORKSPACE.bot.userId } : {}),
    channel: m.channel,
    event_ts: m.ts,
  };
  const channelType = m.channel.startsWith("D") ? "im" : "channel";
  const events: Json[] = [];
  if (m.text.includes(`<@${WORKSPACE.bot.userId}>`)) events.push({ type: "app_mention", ...common });
  events.push({ type: "message", ...common, channel_type: channelType });
  return events;
}

export function appHomeOpened(who: Person, view: Json | undefined): Json {
  return {
    type: "app_home_opened",
    user: who.id,
    channel: who.dm,
    tab: "home",
    ...(view ? { view } : {}),
    event_ts: nowTs(),
  };
}

/** The person opened the agent side pane beside the channel (Slack's assistant_thread_started). */
export function assistantThreadStarted(who: Person, threadTs: string, besideChannel: string): Json {
  return {
    type: "assistant_thread_started",
    assistant_thread: {
      user_id: who.id,
      context: { channel_id: besideChannel, team_id: WORKSPACE.team.id, enterprise_id: null },
      channel_id: who.dm,
      thread_ts: threadTs,
    },
    event_ts: nowTs(),
  };
}
