import type { Logger } from "pino";
import {
  type ActionContainer,
  appHomeOpened,
  assistantThreadStarted,
  blockActions,
  eventCallback,
  messageEvents,
  slashCommand,
  viewSubmission,
} from "./bridge/payloads.js";
import type { ResponseUrls } from "./bridge/response-urls.js";
import type { AppResponse, Sender } from "./bridge/send.js";
import { elementState, findOption, type InputValue, modalState } from "./bridge/view-state.js";
import type { SlackState } from "./fake-slack/state.js";
import type { Json, StoredMessage } from "./fake-slack/types.js";
import { publicMessage } from "./fake-slack/web-api.js";
import { PEOPLE, type Person, personById, WORKSPACE } from "./workspace.js";

export type Result = { ok: true } | { ok: false; error: string; errors?: Record<string, string> };

/** What a person can click in a message or on App Home. */
export interface ActionInput {
  surface: "message" | "home";
  channel?: string;
  ts?: string;
  blockId: string;
  actionId: string;
  /** The chosen option's value, for a select. */
  value?: string;
}

const SLACKBOT = "USLACKBOT";

/** Slack's client escapes these three in everything a person types. */
function escapeTyped(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "@flask-or-django" typed in the composer becomes a real mention, as Slack's autocomplete does. */
function withMentions(text: string): string {
  return text.replace(new RegExp(`@${WORKSPACE.bot.name}\\b`, "g"), `<@${WORKSPACE.bot.userId}>`);
}

function parseJson(text: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

function findElement(blocks: Json[] | undefined, blockId: string, actionId: string): Json | undefined {
  const block = blocks?.find((b) => b.block_id === blockId);
  const candidates = [
    ...((block?.elements as Json[] | undefined) ?? []),
    ...(block?.accessory ? [block.accessory as Json] : []),
  ];
  return candidates.find((e) => e.action_id === actionId);
}

/** Selects in a message's actions blocks, as Slack reports them in `state.values`. */
function messageStateValues(
  blocks: Json[] | undefined,
  chosen?: { blockId: string; element: Json; value: string },
) {
  const values: Record<string, Record<string, Json>> = {};
  for (const b of blocks ?? []) {
    for (const e of (b.elements as Json[] | undefined) ?? []) {
      if (typeof e.action_id !== "string" || e.type === "button") continue;
      const picked = chosen && chosen.blockId === b.block_id && chosen.element === e ? chosen.value : null;
      values[b.block_id as string] ??= {};
      (values[b.block_id as string] as Record<string, Json>)[e.action_id] = elementState(e, picked);
    }
  }
  return values;
}

/**
 * The person at the keyboard: each thing they do in the page becomes the request Slack would send
 * the app (signed, in Slack's shapes), and whatever the app answers in the HTTP response is shown
 * the way Slack shows it.
 */
export class Playground {
  /** Who is at the keyboard: the page can switch to a teammate (one channel, several people). */
  private me: Person = WORKSPACE.user;

  constructor(
    private readonly state: SlackState,
    private readonly send: Sender,
    private readonly responseUrls: ResponseUrls,
    private readonly logger: Logger,
  ) {}

  /** Switches who is typing; everything after is theirs (their clicks, their forms, what only they see). */
  actAs(userId: string): Result {
    const person = personById(userId);
    if (!person) return { ok: false, error: "user_not_found" };
    this.me = person;
    this.state.changed();
    return { ok: true };
  }

  private slackbotNote(text: string, threadTs?: string): void {
    this.state.add({
      channel: WORKSPACE.channel.id,
      user: SLACKBOT,
      text,
      ephemeralFor: this.me.id,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }

  private async deliver(kind: Parameters<Sender>[0], payload: Json): Promise<AppResponse | undefined> {
    try {
      const res = await this.send(kind, payload);
      if (res.status !== 200)
        this.logger.warn({ status: res.status, kind }, "the app answered with an error");
      return res;
    } catch (err) {
      this.logger.error({ err, kind }, "could not reach the app");
      return undefined;
    }
  }

  /** Composer text: "/flask-or-django …" runs the command; anything else is a message. */
  async compose(text: string, threadTs?: string): Promise<Result> {
    const trimmed = text.trim();
    if (trimmed === "") return { ok: false, error: "empty" };
    const command = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
    if (command) {
      if (command[1] !== "flask-or-django") {
        this.slackbotNote(
          `/${escapeTyped(command[1] ?? "")} is not a valid command. Try /flask-or-django.`,
          threadTs,
        );
        return { ok: true };
      }
      return this.runCommand(command[2] ?? "", threadTs);
    }
    return this.postMessage(trimmed, threadTs);
  }

  async runCommand(text: string, threadTs?: string): Promise<Result> {
    const trigger = this.state.issueTrigger(this.me.id);
    // The playground's own response_url (the app is told to trust its origin, and only that): what
    // the app posts to it shows in the channel, and nothing ever leaves this machine.
    const responseUrl = this.responseUrls.create({
      channel: WORKSPACE.channel.id,
      user: this.me.id,
      ...(threadTs ? { threadTs } : {}),
    });
    const res = await this.deliver(
      "command",
      slashCommand(this.me, escapeTyped(text.trim()), trigger, responseUrl),
    );
    if (res?.status !== 200) {
      this.slackbotNote(`/flask-or-django failed with the error "dispatch_failed"`, threadTs);
      return { ok: false, error: "dispatch_failed" };
    }
    if (res.body.trim() === "") return { ok: true };
    const body = parseJson(res.body) ?? { text: res.body };
    const blocks = Array.isArray(body.blocks) ? (body.blocks as Json[]) : undefined;
    const inChannel = body.response_type === "in_channel";
    this.state.add({
      channel: WORKSPACE.channel.id,
      user: WORKSPACE.bot.userId,
      bot_id: WORKSPACE.bot.id,
      app_id: WORKSPACE.apiAppId,
      text: typeof body.text === "string" ? body.text : "",
      ...(blocks ? { blocks } : {}),
      ...(inChannel ? {} : { ephemeralFor: this.me.id }),
      ...(threadTs && !inChannel ? { thread_ts: threadTs } : {}),
    });
    return { ok: true };
  }

  async postMessage(text: string, threadTs?: string): Promise<Result> {
    const channel = WORKSPACE.channel.id;
    if (threadTs && !this.state.find(channel, threadTs)) return { ok: false, error: "thread_not_found" };
    const escaped = withMentions(escapeTyped(text));
    const stored = this.state.add({
      channel,
      user: this.me.id,
      text: escaped,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    for (const event of messageEvents(this.me, {
      channel,
      ts: stored.ts,
      text: escaped,
      ...(threadTs ? { threadTs } : {}),
    })) {
      await this.deliver("event", eventCallback(event));
    }
    return { ok: true };
  }

  /** Opens the agent side pane beside #playground: a new thread, as Slack starts one. */
  async openPane(): Promise<Result> {
    const pane = this.state.startPane(this.me.id);
    const res = await this.deliver(
      "event",
      eventCallback(assistantThreadStarted(this.me, pane.threadTs, WORKSPACE.channel.id)),
    );
    return res?.status === 200 ? { ok: true } : { ok: false, error: "dispatch_failed" };
  }

  /** A message typed (or a suggested prompt clicked) in the open pane thread. */
  async askPane(text: string): Promise<Result> {
    const threadTs = this.state.openPane;
    if (!threadTs || !this.state.find(this.me.dm, threadTs)) return { ok: false, error: "no_pane" };
    const trimmed = text.trim();
    if (trimmed === "") return { ok: false, error: "empty" };
    const channel = this.me.dm;
    const escaped = escapeTyped(trimmed);
    const stored = this.state.add({ channel, user: this.me.id, text: escaped, thread_ts: threadTs });
    for (const event of messageEvents(this.me, { channel, ts: stored.ts, text: escaped, threadTs })) {
      await this.deliver("event", eventCallback(event));
    }
    return { ok: true };
  }

  async openHome(): Promise<Result> {
    const home = this.state.homes.get(this.me.id);
    await this.deliver("event", eventCallback(appHomeOpened(this.me, home?.view)));
    return { ok: true };
  }

  async action(input: ActionInput): Promise<Result> {
    let blocks: Json[] | undefined;
    let container: ActionContainer;
    let responseUrl: string | undefined;
    if (input.surface === "home") {
      const home = this.state.homes.get(this.me.id);
      if (!home) return { ok: false, error: "no_home" };
      blocks = home.view.blocks as Json[];
      container = { type: "view", view: home.view };
    } else {
      const message = this.state.find(input.channel ?? "", input.ts ?? "");
      if (!message || (message.ephemeralFor && message.ephemeralFor !== this.me.id)) {
        return { ok: false, error: "message_not_found" };
      }
      blocks = message.blocks;
      const threadTs = message.thread_ts !== message.ts ? message.thread_ts : undefined;
      container = {
        type: "message",
        channel: message.channel,
        messageTs: message.ts,
        ephemeral: message.ephemeralFor !== undefined,
        ...(threadTs ? { threadTs } : {}),
        ...(message.ephemeralFor ? {} : { message: publicMessage(message, false, this.state) }),
      };
      responseUrl = this.responseUrls.create({
        channel: message.channel,
        user: this.me.id,
        messageTs: message.ts,
        ...(threadTs ? { threadTs } : {}),
      });
    }
    const element = findElement(blocks, input.blockId, input.actionId);
    if (!element) return { ok: false, error: "action_not_found" };
    const action: Json = { action_id: input.actionId, block_id: input.blockId, type: element.type };
    let chosen: { blockId: string; element: Json; value: string } | undefined;
    if (element.type === "button") {
      Object.assign(action, {
        text: element.text,
        ...(element.value !== undefined ? { value: element.value } : {}),
        ...(element.style ? { style: element.style } : {}),
      });
    } else if (element.type === "static_select") {
      const option = input.value ? findOption(element, input.value) : undefined;
      if (!option || !input.value) return { ok: false, error: "option_not_found" };
      Object.assign(action, { selected_option: option, placeholder: element.placeholder });
      chosen = { blockId: input.blockId, element, value: input.value };
    } else {
      return { ok: false, error: "unsupported_element" };
    }
    const payload = blockActions({
      who: this.me,
      container,
      triggerId: this.state.issueTrigger(this.me.id),
      ...(responseUrl ? { responseUrl } : {}),
      action,
      stateValues: messageStateValues(blocks, chosen),
    });
    const res = await this.deliver("interaction", payload);
    return res?.status === 200 ? { ok: true } : { ok: false, error: "dispatch_failed" };
  }

  async submitView(viewId: string, inputs: Record<string, InputValue>): Promise<Result> {
    const modal = this.state.topModal(this.me.id);
    if (!modal || modal.id !== viewId) return { ok: false, error: "view_not_found" };
    const { values, errors } = modalState(modal.view, inputs);
    if (Object.keys(errors).length > 0) {
      modal.errors = errors;
      this.state.changed();
      return { ok: false, error: "invalid_input", errors };
    }
    const view = { ...modal.view, state: { values } };
    const res = await this.deliver(
      "interaction",
      viewSubmission(this.me, view, this.state.issueTrigger(this.me.id)),
    );
    if (res?.status !== 200) {
      modal.errors = { "": "We had some trouble connecting. Try again?" };
      this.state.changed();
      return { ok: false, error: "dispatch_failed" };
    }
    const answer = res.body.trim() === "" ? {} : (parseJson(res.body) ?? {});
    switch (answer.response_action) {
      case "errors": {
        modal.errors = (answer.errors as Record<string, string> | undefined) ?? {};
        this.state.changed();
        return { ok: false, error: "invalid_input", errors: modal.errors };
      }
      case "update": {
        const next = this.state.materializeView(answer.view as Json, modal.user, modal.id);
        modal.view = next.view;
        delete modal.errors;
        this.state.changed();
        return { ok: true };
      }
      case "push": {
        this.state.modals.get(modal.user)?.push(this.state.materializeView(answer.view as Json, modal.user));
        this.state.changed();
        return { ok: true };
      }
      case "clear":
        this.state.closeModals(modal.user);
        return { ok: true };
      default:
        this.state.popModal(modal.user, modal.id);
        return { ok: true };
    }
  }

  async closeView(viewId: string): Promise<Result> {
    const modal = this.state.topModal(this.me.id);
    if (!modal || modal.id !== viewId) return { ok: false, error: "view_not_found" };
    this.state.popModal(modal.user, modal.id);
    if (modal.view.notify_on_close === true) {
      await this.deliver("interaction", {
        type: "view_closed",
        team: { id: WORKSPACE.team.id, domain: WORKSPACE.team.domain },
        user: { id: this.me.id, name: this.me.name, team_id: WORKSPACE.team.id },
        api_app_id: WORKSPACE.apiAppId,
        view: modal.view,
        is_cleared: false,
      });
    }
    return { ok: true };
  }

  /** Removes an ephemeral message (Slack's "Dismiss"). */
  dismiss(channel: string, ts: string): Result {
    const m = this.state.find(channel, ts);
    if (!m?.ephemeralFor || m.ephemeralFor !== this.me.id) return { ok: false, error: "message_not_found" };
    this.state.remove(channel, ts);
    return { ok: true };
  }

  /** What the page shows: everything this person can see. */
  snapshot(): Json {
    const me = this.me.id;
    const visible = (m: StoredMessage) => !m.ephemeralFor || m.ephemeralFor === me;
    const view = (m: StoredMessage) => ({
      ts: m.ts,
      user: m.user,
      text: m.text,
      blocks: m.blocks ?? null,
      thread_ts: m.thread_ts ?? null,
      ephemeral: m.ephemeralFor !== undefined,
      bot: m.bot_id !== undefined,
      edited: m.edited !== undefined,
      files: (m.files ?? []).map((f) => String(f.id)),
    });
    const modal = this.state.topModal(me);
    const inPane = (m: StoredMessage) => this.state.paneOf(m) !== undefined;
    // The pane is the person's own, in their DM with the app.
    const open = this.state.openPane;
    const pane = open && this.state.find(this.me.dm, open) ? this.state.panes.get(open) : undefined;
    return {
      version: this.state.version,
      me: { id: me, name: this.me.name },
      people: PEOPLE.map((p) => ({ id: p.id, name: p.realName })),
      bot: { id: WORKSPACE.bot.userId, name: WORKSPACE.bot.name },
      users: {
        ...Object.fromEntries(PEOPLE.map((p) => [p.id, p.name])),
        [WORKSPACE.bot.userId]: WORKSPACE.bot.name,
        [SLACKBOT]: "Slackbot",
        // Channel mentions (<#C…>) read by name, as Slack shows them.
        [WORKSPACE.channel.id]: WORKSPACE.channel.name,
      },
      channel: { id: WORKSPACE.channel.id, name: WORKSPACE.channel.name },
      conversations: [{ id: WORKSPACE.channel.id, name: `#${WORKSPACE.channel.name}` }],
      messages: this.state.messagesIn(WORKSPACE.channel.id).filter(visible).map(view),
      dm: this.state
        .messagesIn(this.me.dm)
        .filter((m) => visible(m) && !inPane(m))
        .map(view),
      dmChannel: this.me.dm,
      pane: pane
        ? {
            threadTs: pane.threadTs,
            title: pane.title,
            status: pane.status,
            prompts: pane.prompts,
            promptsTitle: pane.promptsTitle,
            messages: this.state.replies(this.me.dm, pane.threadTs).filter(visible).map(view),
          }
        : null,
      modal: modal ? { view: modal.view, errors: modal.errors ?? {} } : null,
      home: this.state.homes.get(me)?.view ?? null,
      // What the app scheduled in the channel (a revisit reminder): Slack posts it on the day.
      scheduled: [...this.state.scheduled.values()]
        .filter((m) => m.channel === WORKSPACE.channel.id)
        .map((m) => ({ id: m.id, thread_ts: m.thread_ts ?? null, post_at: m.post_at, text: m.text })),
      ...this.documents(),
    };
  }

  /** The canvases open to #playground and the files shared, with their contents, for the page to show. */
  private documents(): Json {
    const { documents } = this.state;
    return {
      canvases: documents.openTo(WORKSPACE.channel.id).map((c) => ({
        id: c.id,
        title: c.title,
        markdown: c.markdown,
        channelCanvas: c.channelCanvasOf === WORKSPACE.channel.id,
      })),
      files: Object.fromEntries(
        [...documents.files.values()]
          .filter((f) => f.sharedIn !== undefined)
          .map((f) => [f.id, { name: f.filename, title: f.title, content: f.content ?? "" }]),
      ),
      teamId: WORKSPACE.team.id,
    };
  }
}
