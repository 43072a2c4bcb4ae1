import { randomBytes } from "node:crypto";
import { PEOPLE, personByDm, personById, WORKSPACE } from "../workspace.js";
import { Documents } from "./documents.js";
import { TsClock } from "./ts-clock.js";
import type { Json, PaneThread, ScheduledMessage, StoredMessage, StoredView } from "./types.js";

/** Slack lets a trigger_id open one view, within 3 seconds. */
const TRIGGER_TTL_MS = 3000;

const randomId = (prefix: string, bytes = 5) =>
  `${prefix}${randomBytes(bytes).toString("hex").toUpperCase()}`;

/**
 * Everything the stand-in for Slack remembers, in memory: messages per channel, each person's modal
 * stack and Home tab, and the trigger ids handed out with interactions. Every change bumps `version`
 * and tells the listeners (the page's live updates).
 */
export class SlackState {
  readonly channels = new Map<string, StoredMessage[]>([
    [WORKSPACE.channel.id, []],
    ...PEOPLE.map((p): [string, StoredMessage[]] => [p.dm, []]),
  ]);
  /** Messages the app scheduled (chat.scheduleMessage), by scheduled_message_id; Slack posts them later. */
  readonly scheduled = new Map<string, ScheduledMessage>();
  readonly modals = new Map<string, StoredView[]>();
  readonly homes = new Map<string, StoredView>();
  /** The agent side pane's threads, in the app's DM, by thread ts. */
  readonly panes = new Map<string, PaneThread>();
  /** The pane thread the person has open. */
  openPane: string | undefined;
  /** Canvases and uploaded files. */
  readonly documents = new Documents();
  private readonly triggers = new Map<string, { user: string; issuedAt: number; used: boolean }>();
  private readonly clock: TsClock;
  private readonly listeners = new Set<() => void>();
  version = 0;

  constructor(
    private readonly nowMs: () => number = Date.now,
    /** Where a message's link points (chat.getPermalink): the playground's own page. */
    private readonly linkBase = "http://localhost",
  ) {
    this.clock = new TsClock(nowMs);
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** A message's link: the playground page, at that message. */
  permalink(channel: string, ts: string): string {
    return `${this.linkBase}/#${channel}-p${ts.replace(".", "")}`;
  }

  /** Keeps a message the app scheduled; Slack would post it at `post_at`. */
  schedule(message: Omit<ScheduledMessage, "id">): ScheduledMessage {
    const scheduled: ScheduledMessage = { id: randomId("Q"), ...message };
    this.scheduled.set(scheduled.id, scheduled);
    this.changed();
    return scheduled;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  nextTs(): string {
    return this.clock.next();
  }

  /** A channel id, a user id (posting to a user means the app's DM with them) → the channel's id. */
  resolveChannel(idOrUser: string): string | undefined {
    const person = personById(idOrUser);
    if (person) return person.dm;
    return this.channels.has(idOrUser) ? idOrUser : undefined;
  }

  messagesIn(channel: string): StoredMessage[] {
    return this.channels.get(channel) ?? [];
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.messagesIn(channel).find((m) => m.ts === ts);
  }

  /** Adds a message (ts assigned here) and returns it. */
  add(message: Omit<StoredMessage, "ts" | "type" | "team">): StoredMessage {
    const stored: StoredMessage = { type: "message", team: WORKSPACE.team.id, ts: this.nextTs(), ...message };
    if (stored.blocks) stored.blocks = withBlockIds(stored.blocks);
    this.messagesIn(message.channel).push(stored);
    this.changed();
    return stored;
  }

  /**
   * Opens the agent side pane on a new thread: Slack makes the thread in the app's DM (its root is the
   * person's, and shows nothing) and tells the app with assistant_thread_started.
   */
  startPane(user: string): PaneThread {
    const root = this.add({ channel: personById(user)?.dm ?? WORKSPACE.dm.id, user, text: "" });
    const pane: PaneThread = { threadTs: root.ts, status: "", title: "", prompts: [], promptsTitle: "" };
    this.panes.set(root.ts, pane);
    this.openPane = root.ts;
    this.changed();
    return pane;
  }

  /** The pane thread a message belongs to (its root or a reply), if any. */
  paneOf(m: StoredMessage): PaneThread | undefined {
    if (!personByDm(m.channel)) return undefined;
    return this.panes.get(m.thread_ts ?? m.ts);
  }

  remove(channel: string, ts: string): void {
    const list = this.messagesIn(channel);
    const i = list.findIndex((m) => m.ts === ts);
    if (i >= 0) list.splice(i, 1);
    this.changed();
  }

  /** Replies to a parent, oldest first (ephemeral ones included: callers filter by viewer). */
  replies(channel: string, threadTs: string): StoredMessage[] {
    return this.messagesIn(channel).filter((m) => m.thread_ts === threadTs && m.ts !== threadTs);
  }

  /** A trigger_id for one interaction by `user`, as Slack puts in commands and actions. */
  issueTrigger(user: string): string {
    const id = `${Math.floor(this.nowMs() / 1000)}.${randomBytes(6).toString("hex")}`;
    this.triggers.set(id, { user, issuedAt: this.nowMs(), used: false });
    return id;
  }

  /** The user a trigger belongs to, or the error Slack gives for it. */
  useTrigger(id: string): { user: string } | { error: string } {
    const t = this.triggers.get(id);
    if (!t) return { error: "invalid_trigger_id" };
    if (t.used) return { error: "exchanged_trigger_id" };
    if (this.nowMs() - t.issuedAt > TRIGGER_TTL_MS) return { error: "expired_trigger_id" };
    t.used = true;
    return { user: t.user };
  }

  /** The view as Slack returns it: the app's definition plus ids, state and hash. */
  materializeView(view: Json, user: string, id: string = randomId("V")): StoredView {
    const blocks = Array.isArray(view.blocks) ? withBlockIds(view.blocks as Json[]) : [];
    return {
      id,
      user,
      view: {
        id,
        team_id: WORKSPACE.team.id,
        type: view.type,
        blocks,
        private_metadata: view.private_metadata ?? "",
        callback_id: view.callback_id ?? "",
        state: { values: {} },
        hash: `${Math.floor(this.nowMs() / 1000)}.${randomBytes(4).toString("hex")}`,
        title: view.title ?? null,
        clear_on_close: view.clear_on_close ?? false,
        notify_on_close: view.notify_on_close ?? false,
        close: view.close ?? null,
        submit: view.submit ?? null,
        previous_view_id: null,
        root_view_id: id,
        app_id: WORKSPACE.apiAppId,
        external_id: view.external_id ?? "",
        app_installed_team_id: WORKSPACE.team.id,
        bot_id: WORKSPACE.bot.id,
      },
    };
  }

  topModal(user: string): StoredView | undefined {
    const stack = this.modals.get(user);
    return stack?.[stack.length - 1];
  }

  /** Finds a modal by view id (or external id) in anyone's stack. */
  findModal(viewId?: string, externalId?: string): StoredView | undefined {
    for (const stack of this.modals.values()) {
      const found = stack.find(
        (v) => (viewId && v.id === viewId) || (externalId && v.view.external_id === externalId),
      );
      if (found) return found;
    }
    return undefined;
  }

  closeModals(user: string): void {
    this.modals.delete(user);
    this.changed();
  }

  popModal(user: string, viewId: string): void {
    const stack = this.modals.get(user) ?? [];
    const i = stack.findIndex((v) => v.id === viewId);
    if (i >= 0) stack.splice(i);
    if (stack.length === 0) this.modals.delete(user);
    this.changed();
  }
}

/** Slack gives every block without a block_id a short random one. */
function withBlockIds(blocks: Json[]): Json[] {
  return blocks.map((b) =>
    b && typeof b === "object" && typeof b.block_id !== "string"
      ? { ...b, block_id: randomBytes(4).toString("base64url").slice(0, 5) }
      : b,
  );
}
