import { type Logger as BoltLogger, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import {
  DeadlineError,
  type DeadlineReason,
  isRateLimitedError,
  isRetryable,
  slackErrorCode,
} from "../slack-errors.js";

type WebClient = webApi.WebClient;

/**
 * How long Slack gets. Every Web API call (and every response_url post) is one or more attempts;
 * an attempt starts only if it can end before the call's deadline, so nothing outlives it, and
 * nothing retries in the background.
 */
export interface ApiPolicy {
  /** One HTTP attempt is abandoned after this long (the Web API clients' `timeout`). */
  attemptTimeoutMs: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** A call, its retries and their waits included, ends within this long after it starts. */
  callBudgetMs: number;
  /** Wait before the first retry, doubled for each further one (a Retry-After replaces it). */
  backoffMs: number;
  /** Everything a request sets off ends within this long of its arrival, telling the person included. */
  workBudgetMs: number;
  /** views.open is not sent for a trigger_id older than this (Slack's live 3 s). */
  triggerMaxAgeMs: number;
  /** Requests whose work may be outstanding at once; beyond it the app answers "busy". */
  maxOutstanding: number;
}

/** The production policy: the README's "Running in production" states these numbers. */
export const DEFAULT_API_POLICY: Readonly<ApiPolicy> = Object.freeze({
  attemptTimeoutMs: 4000,
  maxAttempts: 3,
  callBudgetMs: 10_000,
  backoffMs: 250,
  workBudgetMs: 18_000,
  triggerMaxAgeMs: 2500,
  maxOutstanding: 64,
});

/**
 * A response whose body has been read: what the Web API client reads of one (status, headers, url, the
 * body as text or bytes) and what we read of a response_url's answer (ok). Building a fetch `Response`
 * around the bytes instead costs a web stream each time: about 65 µs of CPU per Slack call here.
 */
class BufferedResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;
  readonly redirected = false;
  readonly bodyUsed = true;

  constructor(
    from: Response,
    private readonly bytes: ArrayBuffer,
  ) {
    this.ok = from.ok;
    this.status = from.status;
    this.statusText = from.statusText;
    this.headers = from.headers;
    this.url = from.url;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.bytes;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(this.bytes);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

/**
 * fetch with a deadline on the whole exchange, headers and body: the body is read here and the timer
 * cleared as soon as it is in. (The client's own `timeout` uses AbortSignal.timeout, which keeps each
 * request and its body alive until the timer fires, seconds after the answer came: memory under load.)
 */
export function boundedFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")),
      timeoutMs,
    );
    try {
      const res = await fetch(input, { ...init, signal: controller.signal });
      // Typed as fetch's Response for the client's `fetch` option; it reads only what BufferedResponse has.
      return new BufferedResponse(res, await res.arrayBuffer()) as unknown as Response;
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The options of our Web API clients: each attempt bounded by the policy's timeout, no retries of the
 * client's own (ours honour the deadline), 429s handed back to us rather than pausing the client's
 * whole queue, and method names that can never point the token at another host.
 */
export function webClientOptions(
  policy: ApiPolicy,
  slackApiUrl: string | undefined,
  logger: BoltLogger,
): webApi.WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    logger,
    fetch: boundedFetch(policy.attemptTimeoutMs),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    allowAbsoluteUrls: false,
    // Above the app's own cap on outstanding work, so no call ever waits in the client's queue.
    maxRequestConcurrency: Math.max(100, policy.maxOutstanding * 2),
  };
}

/** A response_url answered something other than 2xx. */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered HTTP ${status}`);
    this.name = "ResponseUrlError";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Limits {
  /** No attempt may end after this (ms since epoch). */
  finishBy: number;
  /** No attempt may start after this (a trigger's age limit). */
  startBy?: number;
  maxAttempts?: number;
  /**
   * HTTP requests one attempt makes in a row (files.uploadV2: three), each bounded by the attempt timeout:
   * an attempt starts only if all of them could end in time. Default 1.
   */
  requests?: number;
}

export interface SlackApiOptions {
  /** The one workspace's bot token; with many workspaces each request passes its own to `forRequest`. */
  token?: string | undefined;
  apiUrl?: string;
  policy: ApiPolicy;
  /** Makes a Bolt-style logger for each Web API client (they rename theirs). */
  clientLogger: () => BoltLogger;
  /** response_urls we may post to (Slack's own hosts, and the playground's loopback server). */
  trustsResponseUrl: (url: unknown) => url is string;
  now?: () => number;
}

/**
 * The app's Web API access. Two clients, so a rate limit or a slow answer on posting never holds up
 * opening a form: `views.*` (a trigger_id lives 3 s) has a client of its own. Calls go through
 * `forRequest`, which bounds each by the request's own deadline.
 */
export class SlackApi {
  readonly policy: ApiPolicy;
  private readonly clients: { chat: WebClient; views: WebClient };
  /** The clock every deadline is reckoned by. */
  readonly now: () => number;
  /** Set on shutdown: nothing may end after it. */
  private stopBy = Number.POSITIVE_INFINITY;

  constructor(private readonly options: SlackApiOptions) {
    this.policy = options.policy;
    this.now = options.now ?? Date.now;
    const client = () =>
      new webApi.WebClient(
        options.token ?? undefined,
        webClientOptions(options.policy, options.apiUrl, options.clientLogger()),
      );
    this.clients = { chat: client(), views: client() };
  }

  /**
   * Calls for one request that arrived at `receivedAt`: all of them end within the work budget. Its
   * trigger_id was issued at `triggerAt` at the latest (default: on arrival). `token` is the request's
   * own bot token (Bolt's authorize result, `context.botToken`): with many workspaces every call must
   * carry its workspace's; without one, the clients' token (the one workspace's) is used.
   */
  forRequest(receivedAt: number, log: Logger, triggerAt = receivedAt, token?: string): SlackCalls {
    return new SlackCalls(this, triggerAt, receivedAt + this.policy.workBudgetMs, log, token);
  }

  /** From now on, no attempt may end later than `withinMs` from now, and none starts that could. */
  shutdown(withinMs: number): void {
    this.stopBy = Math.min(this.stopBy, this.now() + withinMs);
  }

  get stopping(): boolean {
    return Number.isFinite(this.stopBy);
  }

  trusts(url: unknown): url is string {
    return this.options.trustsResponseUrl(url);
  }

  /**
   * Runs `send` until it succeeds, fails for good, or another attempt could not end in time. Retries
   * only what may pass (a timeout, a reset, 5xx, Slack's own transient errors, a 429 whose
   * Retry-After fits), after a short backoff. The last error is thrown as it came.
   */
  async run<T>(method: string, send: () => Promise<T>, limits: Limits, log: Logger): Promise<T> {
    const p = this.policy;
    const started = this.now();
    const attemptMs = p.attemptTimeoutMs * (limits.requests ?? 1);
    const lastStart = (): { at: number; reason: DeadlineReason } => {
      const finishBy = Math.min(limits.finishBy, started + Math.max(p.callBudgetMs, attemptMs));
      const candidates: Array<[number, DeadlineReason]> = [
        [finishBy - attemptMs, "deadline"],
        [this.stopBy - attemptMs, "shutdown"],
        [limits.startBy ?? Number.POSITIVE_INFINITY, "trigger_expired"],
      ];
      const [at, reason] = candidates.reduce((a, b) => (b[0] < a[0] ? b : a));
      return { at, reason };
    };
    const maxAttempts = limits.maxAttempts ?? p.maxAttempts;
    let lastError: unknown;
    for (let attempt = 1; ; attempt++) {
      const bound = lastStart();
      // The first attempt starts when the call does: read the clock again and a call whose own budget is
      // exactly its attempt (files.uploadV2's three requests) would be refused whenever a millisecond passed.
      const at = attempt === 1 ? started : this.now();
      if (at > bound.at) throw lastError ?? new DeadlineError(method, bound.reason);
      try {
        return await send();
      } catch (err) {
        lastError = err;
        if (attempt >= maxAttempts || !isRetryable(err)) throw err;
        const waitMs = isRateLimitedError(err) ? err.retryAfter * 1000 : p.backoffMs * 2 ** (attempt - 1);
        if (this.now() + waitMs > lastStart().at) {
          log.warn({ method, attempt, waitMs, code: slackErrorCode(err) }, "no time left to retry");
          throw err;
        }
        log.warn({ method, attempt, waitMs, code: slackErrorCode(err) }, "Web API call failed; retrying");
        await sleep(waitMs);
      }
    }
  }

  client(kind: "chat" | "views"): WebClient {
    return this.clients[kind];
  }
}

/**
 * The Web API calls one request may make, each ending before the request's deadline. Listeners use
 * these (`context.api`) rather than Bolt's `client`, whose calls have no deadline.
 */
export class SlackCalls {
  constructor(
    private readonly api: SlackApi,
    /** When the request's trigger_id was issued, at the latest (its arrival, or earlier if it waited). */
    readonly triggerAt: number,
    /** Every call this request makes ends by then. */
    readonly finishBy: number,
    private readonly log: Logger,
    /** The request's bot token, passed with every call; unset: the clients' own. */
    readonly token?: string,
  ) {}

  /**
   * The same workspace's calls with a deadline reckoned from now: for work done later than the request
   * (a paced update), whose own deadline may have passed by then.
   */
  renewed(): SlackCalls {
    return this.api.forRequest(this.api.now(), this.log, this.triggerAt, this.token);
  }

  /** The call's arguments with the request's token, when it has one. */
  private withToken<A extends object>(args: A): A {
    return this.token ? { ...args, token: this.token } : args;
  }

  private chat<T>(method: string, send: (c: WebClient) => Promise<T>, maxAttempts?: number): Promise<T> {
    const client = this.api.client("chat");
    const limits = { finishBy: this.finishBy, ...(maxAttempts ? { maxAttempts } : {}) };
    return this.api.run(method, () => send(client), limits, this.log);
  }

  /** A call that creates something: one attempt, since a retry after a lost answer would make it twice. */
  private createOnce<T>(method: string, send: (c: WebClient) => Promise<T>): Promise<T> {
    const client = this.api.client("chat");
    return this.api.run(method, () => send(client), { finishBy: this.finishBy, maxAttempts: 1 }, this.log);
  }

  postMessage(args: webApi.ChatPostMessageArguments): Promise<webApi.ChatPostMessageResponse> {
    return this.chat("chat.postMessage", (c) => c.chat.postMessage(this.withToken(args)));
  }

  postEphemeral(args: webApi.ChatPostEphemeralArguments): Promise<webApi.ChatPostEphemeralResponse> {
    return this.chat("chat.postEphemeral", (c) => c.chat.postEphemeral(this.withToken(args)));
  }

  update(args: webApi.ChatUpdateArguments): Promise<webApi.ChatUpdateResponse> {
    return this.chat("chat.update", (c) => c.chat.update(this.withToken(args)));
  }

  /**
   * A message Slack posts later (at most 120 days ahead); its scheduled_message_id cancels it. One
   * attempt: a retry after a lost answer would schedule it twice, and the first could not be cancelled.
   */
  scheduleMessage(args: webApi.ChatScheduleMessageArguments): Promise<webApi.ChatScheduleMessageResponse> {
    return this.chat("chat.scheduleMessage", (c) => c.chat.scheduleMessage(this.withToken(args)), 1);
  }

  deleteScheduledMessage(
    args: webApi.ChatDeleteScheduledMessageArguments,
  ): Promise<webApi.ChatDeleteScheduledMessageResponse> {
    return this.chat("chat.deleteScheduledMessage", (c) =>
      c.chat.deleteScheduledMessage(this.withToken(args)),
    );
  }

  replies(args: webApi.ConversationsRepliesArguments): Promise<webApi.ConversationsRepliesResponse> {
    return this.chat("conversations.replies", (c) => c.conversations.replies(this.withToken(args)));
  }

  /** Who the token belongs to. */
  authTest(): Promise<webApi.AuthTestResponse> {
    return this.chat("auth.test", (c) => c.auth.test(this.token ? { token: this.token } : {}));
  }

  /** Opens (or finds) the app's DM with a person; its channel id. */
  async openDm(user: string): Promise<string> {
    const res = await this.chat("conversations.open", (c) =>
      c.conversations.open(this.withToken({ users: user })),
    );
    const id = res.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    return id;
  }

  /** Opens a modal, unless its trigger_id (issued when the request arrived) is too old to work. */
  openView(args: webApi.ViewsOpenArguments): Promise<webApi.ViewsOpenResponse> {
    const client = this.api.client("views");
    return this.api.run(
      "views.open",
      () => client.views.open(this.withToken(args)),
      {
        finishBy: this.finishBy,
        startBy: this.triggerAt + this.api.policy.triggerMaxAgeMs,
      },
      this.log,
    );
  }

  /** Replaces an open modal (by its view_id): what the database says, once the modal is open in time. */
  updateView(args: webApi.ViewsUpdateArguments): Promise<webApi.ViewsUpdateResponse> {
    const views = this.api.client("views").views;
    const limits = { finishBy: this.finishBy };
    return this.api.run("views.update", () => views.update(this.withToken(args)), limits, this.log);
  }

  publishView(args: webApi.ViewsPublishArguments): Promise<webApi.ViewsPublishResponse> {
    const client = this.api.client("views");
    return this.api.run(
      "views.publish",
      () => client.views.publish(this.withToken(args)),
      { finishBy: this.finishBy },
      this.log,
    );
  }

  /** A channel's own canvas (its Canvas tab); Slack allows one per channel. One attempt. Needs canvases:write. */
  createChannelCanvas(
    args: webApi.ConversationsCanvasesCreateArguments,
  ): Promise<webApi.ConversationsCanvasesCreateResponse> {
    return this.createOnce("conversations.canvases.create", (c) =>
      c.conversations.canvases.create(this.withToken(args)),
    );
  }

  /**
   * A standalone canvas, owned by the app; with `channel_id`, tabbed in that channel with write access for
   * its members, in the same call. One attempt. Needs canvases:write.
   */
  createCanvas(args: webApi.CanvasesCreateArguments): Promise<webApi.CanvasesCreateResponse> {
    return this.createOnce("canvases.create", (c) => c.canvases.create(this.withToken(args ?? {})));
  }

  /**
   * Uploads a file and shares it (files.getUploadURLExternal, the upload itself, then
   * files.completeUploadExternal). One attempt: a retry after a lost answer could share the file twice.
   * It starts only if all three requests could end before the request's deadline. Needs files:write.
   */
  uploadFile(args: webApi.FilesUploadV2Arguments): Promise<webApi.WebAPICallResult> {
    const client = this.api.client("chat");
    return this.api.run(
      "files.uploadV2",
      () => client.filesUploadV2(this.withToken(args)),
      { finishBy: this.finishBy, maxAttempts: 1, requests: 3 },
      this.log,
    );
  }

  /** True for a response_url this app may post to. */
  trusts = (url: unknown): url is string => this.api.trusts(url);

  /**
   * A request's response_url, checked where it arrives: one that is not Slack's is dropped (and
   * logged), so nothing is ever posted to it and nothing stored with it is refused later.
   */
  responseUrlOf(body: unknown): string | undefined {
    const url = (body as { response_url?: unknown } | undefined)?.response_url;
    if (url === undefined || url === "") return undefined;
    if (this.api.trusts(url)) return url;
    this.log.warn({ responseUrl: String(url).slice(0, 100) }, "response_url is not Slack's; ignoring it");
    return undefined;
  }

  /**
   * Posts to a response_url (valid 30 minutes, 5 uses): once, since a repeat could show twice, and
   * only to one we trust; the attempt ends before the request's deadline like any call.
   */
  async respond(url: string, body: Record<string, unknown>): Promise<void> {
    if (!this.api.trusts(url)) throw new Error("refusing to post to a response_url that is not Slack's");
    const post = boundedFetch(this.api.policy.attemptTimeoutMs);
    await this.api.run(
      "response_url",
      async () => {
        const res = await post(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
          redirect: "error",
        });
        if (!res.ok) throw new ResponseUrlError(res.status);
      },
      { finishBy: this.finishBy, maxAttempts: 1 },
      this.log,
    );
  }
}
