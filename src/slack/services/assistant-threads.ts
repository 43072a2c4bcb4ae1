import type { AssistantConfig } from "@slack/bolt";
import { z } from "zod";
import { slackErrorCode } from "../slack-errors.js";
import { Lru } from "./lru.js";

/** Bolt's thread context store, as `new Assistant({ threadContextStore })` takes it. */
type BoltContextStore = NonNullable<AssistantConfig["threadContextStore"]>;
/** What Bolt hands the store: the assistant event's middleware arguments. */
type StoreArgs = Parameters<BoltContextStore["get"]>[0];
/** What the person is looking at beside the pane: the channel (and its team), when Slack says. */
export type ThreadContext = Awaited<ReturnType<BoltContextStore["get"]>>;

/** An assistant thread: the app's DM with the person, and the thread's root ts. */
export interface ThreadKey {
  channel: string;
  threadTs: string;
}

/**
 * Where each pane thread's context is kept. In memory today (`MemoryThreadContexts`); a table keyed
 * by (channel, thread_ts) implements the same two methods when the storage layer is wired in.
 */
export interface ThreadContextBackend {
  load(key: ThreadKey): Promise<ThreadContext | undefined>;
  store(key: ThreadKey, context: ThreadContext): Promise<void>;
}

const keyOf = (k: ThreadKey) => `${k.channel}:${k.threadTs}`;

export class MemoryThreadContexts implements ThreadContextBackend {
  private readonly contexts: Lru<string, ThreadContext>;

  constructor(size = 10_000) {
    this.contexts = new Lru(size);
  }

  async load(key: ThreadKey): Promise<ThreadContext | undefined> {
    return this.contexts.get(keyOf(key));
  }

  async store(key: ThreadKey, context: ThreadContext): Promise<void> {
    this.contexts.set(keyOf(key), context);
  }
}

/** What reading a thread back takes: a client, our bot user (to find our messages) and a logger. */
export interface ThreadReader {
  client: StoreArgs["client"];
  botUserId: string | undefined;
  /** A pino logger fits (`context.log`). */
  log: { warn: (fields: object, message: string) => void };
}

/** Bolt hands the store its own logger (message first); the reader takes pino's order. */
const reader = (args: StoreArgs): ThreadReader => ({
  client: args.client,
  botUserId: args.context.botUserId,
  log: { warn: (fields, message) => args.logger.warn(message, fields) },
});

/** The event type Bolt's `say()` uses for the context it attaches to each message in the thread. */
export const CONTEXT_METADATA_TYPE = "assistant_thread_context";

const slackId = z.string().regex(/^[A-Z0-9]{2,30}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/** The context as Slack sends it (assistant_thread.context) and as Bolt's say() echoes it in metadata. */
const ContextSchema = z.object({
  channel_id: slackId.optional(),
  team_id: slackId.optional(),
  enterprise_id: slackId.nullish(),
});

/** Where an assistant event happened: the two assistant events carry `assistant_thread`, messages their own fields. */
const ThreadOfEvent = z.union([
  z
    .object({
      assistant_thread: z.object({ channel_id: slackId, thread_ts: ts, context: z.unknown().optional() }),
    })
    .transform((e) => ({
      key: { channel: e.assistant_thread.channel_id, threadTs: e.assistant_thread.thread_ts },
      context: e.assistant_thread.context,
    })),
  z
    .object({ channel: slackId, thread_ts: ts })
    .transform((e) => ({ key: { channel: e.channel, threadTs: e.thread_ts }, context: undefined })),
]);

function cleanContext(raw: unknown): ThreadContext | undefined {
  const parsed = ContextSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { channel_id, team_id, enterprise_id } = parsed.data;
  return {
    ...(channel_id ? { channel_id } : {}),
    ...(team_id ? { team_id } : {}),
    ...(enterprise_id !== undefined ? { enterprise_id } : {}),
  };
}

/**
 * Bolt's `AssistantThreadContextStore`, per thread. Bolt's default store reads the thread back with
 * `conversations.replies` on every message (and keeps one context for the whole app); this one keeps
 * each thread's context when Slack sends it (thread started, context changed) and reads the thread
 * only when it has never seen it (after a restart, or on another instance): once, from the context
 * `say()` attached to our last message, and then remembers it.
 */
export class AssistantContextStore implements BoltContextStore {
  /** DM threads read and found not to be the pane's: a reply there costs no second read. */
  private readonly notPane = new Lru<string, true>(5000);

  constructor(private readonly backend: ThreadContextBackend = new MemoryThreadContexts()) {}

  async get(args: StoreArgs): Promise<ThreadContext> {
    const where = ThreadOfEvent.safeParse(args.payload);
    if (!where.success) return {};
    const known = await this.backend.load(where.data.key);
    if (known) return known;
    const fromEvent = cleanContext(where.data.context);
    if (fromEvent?.channel_id) return fromEvent;
    const recovered = await this.fromThread(reader(args), where.data.key);
    if (recovered) await this.backend.store(where.data.key, recovered);
    return recovered || {};
  }

  /**
   * True for a pane thread: one whose start we saw, or (after a restart, or on another instance) one
   * holding our message with the context `say()` attaches. A thread in the app's DM that is neither (a
   * reply under a recommendation sent there by DM) is an ordinary DM thread.
   */
  async isPaneThread(from: ThreadReader, key: ThreadKey): Promise<boolean> {
    if (await this.backend.load(key)) return true;
    if (this.notPane.has(keyOf(key))) return false;
    const recovered = await this.fromThread(from, key);
    if (recovered === null) this.notPane.set(keyOf(key), true);
    if (!recovered) return false;
    await this.backend.store(key, recovered);
    return true;
  }

  async save(args: StoreArgs): Promise<void> {
    const where = ThreadOfEvent.safeParse(args.payload);
    if (!where.success) return;
    const context = cleanContext(where.data.context);
    if (!context) {
      args.logger.warn("assistant thread context in an unexpected shape; not kept");
      return;
    }
    await this.backend.store(where.data.key, context);
  }

  /**
   * The context our newest message in the thread carries; null when the thread holds none of ours with
   * it; undefined when it can't be read (not remembered: a passing failure may succeed next time).
   */
  private async fromThread(from: ThreadReader, key: ThreadKey): Promise<ThreadContext | null | undefined> {
    try {
      const res = await from.client.conversations.replies({
        channel: key.channel,
        ts: key.threadTs,
        include_all_metadata: true,
        limit: 200,
      });
      const ours = (res.messages ?? []).filter(
        (m) => m.user === from.botUserId && m.metadata?.event_type === CONTEXT_METADATA_TYPE,
      );
      const last = ours.at(-1);
      return last ? (cleanContext(last.metadata?.event_payload) ?? {}) : null;
    } catch (err) {
      from.log.warn({ code: slackErrorCode(err) }, "could not read the assistant thread back");
      return undefined;
    }
  }
}
