import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ListenOptions } from "node:net";
import { parse as parseForm } from "node:querystring";
import {
  type App,
  type Logger as BoltLogger,
  HTTPModuleFunctions,
  HTTPResponseAck,
  type Receiver,
  verifySlackRequest,
} from "@slack/bolt";
import type { Logger } from "pino";
import type { Refusal } from "./services/busy.js";

/**
 * The HTTP receiver for production: Bolt's request handling (its ack, with the 3-second unhandled
 * timeout, and `app.processEvent`), behind checks Bolt's own HTTPReceiver lacks. Slow or stalled
 * clients are cut off, connections are capped, a body that is not a JSON object or a form is
 * answered 400 before Bolt sees it (Bolt 5.1 leaves a JSON `null` unanswered), a timestamp too far in
 * the future is refused like a stale one, `app_rate_limited` is acknowledged and logged, and while the
 * app's work is at its cap requests are refused before Bolt (the cheapest answer, so a flood is
 * answered rather than queued; an event gets 503, and Slack delivers it again later).
 */
export interface ReceiverLimits {
  /** All request headers must arrive within this long. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this long. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are refused by the server. */
  maxConnections: number;
  /** Larger bodies are answered 413. */
  maxBodyBytes: number;
  /** X-Slack-Request-Timestamp may differ from our clock by this much, either way. */
  maxClockSkewSeconds: number;
  /** On stop, connections still open after this long are closed. */
  drainMs: number;
}

export const DEFAULT_RECEIVER_LIMITS: Readonly<ReceiverLimits> = Object.freeze({
  headersTimeoutMs: 5000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5000,
  maxConnections: 512,
  maxBodyBytes: 1_000_000,
  maxClockSkewSeconds: 300,
  drainMs: 3000,
});

export interface Health {
  ok: boolean;
  [key: string]: unknown;
}

export interface HardenedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** For Bolt's ack, which logs through Bolt's logger interface. */
  boltLogger: BoltLogger;
  /** GET /healthz answers this: 200 when ok, else 503. */
  health: () => Health;
  /**
   * Asked for each signed request before Bolt sees it: how to refuse it while the app's outstanding
   * work is at its cap, or undefined to handle it.
   */
  shed: (body: Record<string, unknown>) => Refusal | undefined;
  limits?: Partial<ReceiverLimits>;
  endpoint?: string;
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

type Body = Record<string, unknown>;

function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function jsonObject(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON object (events) or a form (commands; interactivity as `payload=<JSON object>`), else undefined. */
export function parseSlackBody(contentType: string | undefined, text: string): Body | undefined {
  const type = mediaType(contentType);
  if (type === JSON_TYPE) return jsonObject(text);
  if (type !== FORM) return undefined;
  const fields = parseForm(text);
  if ("payload" in fields) return typeof fields.payload === "string" ? jsonObject(fields.payload) : undefined;
  return Object.keys(fields).length > 0 ? { ...fields } : undefined;
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

function replyJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * When Slack sent a request, on our clock, from its signed X-Slack-Request-Timestamp (whole seconds).
 * Slack's clock and ours differ by some offset; the smallest (arrival − timestamp) seen over the last
 * ten minutes estimates it, network included. A request that waited to be read (a flood, a slow
 * accept) then shows its true age, which its arrival time hides: its trigger_id may be dead already.
 */
export class SlackClock {
  private readonly minima: Array<{ minute: number; offset: number }> = [];

  constructor(private readonly minutes = 10) {}

  /** Records a signed request; returns the earliest it can have been sent, on our clock. */
  sentAt(timestampSeconds: number, arrivedAt: number): number {
    const offset = arrivedAt - timestampSeconds * 1000;
    const minute = Math.floor(arrivedAt / 60_000);
    const last = this.minima.at(-1);
    if (last?.minute === minute) last.offset = Math.min(last.offset, offset);
    else {
      this.minima.push({ minute, offset });
      while (this.minima.length > this.minutes) this.minima.shift();
    }
    const baseline = Math.min(...this.minima.map((m) => m.offset));
    return Math.min(arrivedAt, timestampSeconds * 1000 + baseline);
  }
}

export class HardenedReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private closing = false;
  readonly limits: ReceiverLimits;
  private readonly endpoint: string;
  private readonly log: Logger;
  private readonly slackClock = new SlackClock();

  constructor(private readonly options: HardenedReceiverOptions) {
    this.limits = { ...DEFAULT_RECEIVER_LIMITS, ...options.limits };
    this.endpoint = options.endpoint ?? "/slack/events";
    this.log = options.logger.child({ component: "receiver" });
  }

  init(app: App): void {
    this.app = app;
  }

  /** Listens on a port (or listen options); resolves with the server, as Bolt's HTTPReceiver does. */
  start(portOrOptions: number | ListenOptions = 3000): Promise<Server> {
    if (this.server) return Promise.reject(new Error("the receiver is already started"));
    const l = this.limits;
    const server = createServer(
      {
        headersTimeout: l.headersTimeoutMs,
        requestTimeout: l.requestTimeoutMs,
        keepAliveTimeout: l.keepAliveTimeoutMs,
        // Node checks the two timeouts above only this often (30 s by default).
        connectionsCheckingInterval: Math.min(1000, l.headersTimeoutMs),
      },
      (req, res) => this.onRequest(req, res),
    );
    server.maxConnections = l.maxConnections;
    this.closing = false;
    this.server = server;
    const options: ListenOptions =
      typeof portOrOptions === "number" ? { port: portOrOptions } : portOrOptions;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(options, () => {
        server.off("error", reject);
        server.on("error", (err) => this.log.error({ err }, "HTTP server error"));
        resolve(server);
      });
    });
  }

  /**
   * Stops taking requests: the listening socket closes, requests that still arrive on open
   * connections get 503, and connections left after `drainMs` are closed. The work already
   * acknowledged goes on (main.ts waits for it).
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), this.limits.drainMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    this.server = undefined;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const receivedAt = Date.now();
    this.handle(req, res, receivedAt).catch((err: unknown) => {
      this.log.error({ err, url: req.url?.slice(0, 200) }, "request failed in the receiver");
      if (!res.headersSent) reply(res, 500);
      else res.destroy();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse, receivedAt: number): Promise<void> {
    if (this.closing) return reply(res, 503, { connection: "close" });
    let path: string;
    try {
      path = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      return reply(res, 400);
    }
    if (path === "/healthz") {
      if (req.method !== "GET" && req.method !== "HEAD") return reply(res, 405, { allow: "GET" });
      const health = this.options.health();
      return replyJson(res, health.ok ? 200 : 503, health);
    }
    if (path !== this.endpoint) return reply(res, 404);
    if (req.method !== "POST") return reply(res, 405, { allow: "POST" });

    const raw = await this.readBody(req, res);
    if (raw === undefined) return;
    const text = raw.toString("utf8");
    const contentType = header(req, "content-type");

    // Slack checks the certificate with an unsigned `ssl_check=1` form: answer it, do nothing else.
    // (Only a short body can be one: a form is not parsed twice just to ask.)
    if (text.length < 200 && mediaType(contentType) === FORM && parseForm(text).ssl_check === "1") {
      return reply(res, 200);
    }

    const refused = this.verify(req, text);
    if (refused) {
      this.log.warn({ reason: refused }, "request refused: not signed by Slack, or not now");
      return reply(res, 401);
    }
    const body = parseSlackBody(contentType, text);
    if (!body) {
      this.log.warn(
        { contentType: contentType?.slice(0, 80) },
        "signed request whose body is not a JSON object or a form",
      );
      return reply(res, 400);
    }
    if (body.type === "url_verification") {
      return typeof body.challenge === "string"
        ? replyJson(res, 200, { challenge: body.challenge })
        : reply(res, 400);
    }
    if (body.type === "app_rate_limited") {
      // Slack holds back this workspace's events for the rest of that minute (over 30,000 an hour).
      const minute = typeof body.minute_rate_limited === "number" ? body.minute_rate_limited : undefined;
      this.log.warn(
        {
          team: typeof body.team_id === "string" ? body.team_id : undefined,
          minuteRateLimited: minute,
          minute: minute === undefined ? undefined : new Date(minute * 1000).toISOString(),
        },
        "Slack rate-limited this app's events for a minute (app_rate_limited)",
      );
      return reply(res, 200);
    }
    const refusal = this.options.shed(body);
    if (refusal?.status === 503) return reply(res, 503, { "retry-after": String(refusal.retryAfterSeconds) });
    if (refusal) return HTTPModuleFunctions.buildContentResponse(res, refusal.response);
    const sentAt = this.slackClock.sentAt(Number(header(req, "x-slack-request-timestamp")), receivedAt);
    await this.dispatch(req, res, body, { receivedAt, sentAt });
  }

  /** The body, or undefined when the request was answered (413) or went away. */
  private async readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
    const max = this.limits.maxBodyBytes;
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > max) {
      reply(res, 413, { connection: "close" });
      return undefined;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > max) {
          reply(res, 413, { connection: "close" });
          return undefined;
        }
        chunks.push(chunk as Buffer);
      }
    } catch {
      return undefined; // the client went away, or the request timed out (Node answers 408)
    }
    return Buffer.concat(chunks);
  }

  /** Why the request is refused, or undefined when it is signed by Slack within the allowed skew. */
  private verify(req: IncomingMessage, text: string): string | undefined {
    const signature = header(req, "x-slack-signature");
    const timestamp = Number(header(req, "x-slack-request-timestamp"));
    if (!signature || !Number.isInteger(timestamp)) return "missing signature headers";
    const skew = Math.floor(Date.now() / 1000) - timestamp;
    if (skew > this.limits.maxClockSkewSeconds) return "stale timestamp";
    if (skew < -this.limits.maxClockSkewSeconds) return "timestamp in the future";
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: text,
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      });
      return undefined;
    } catch {
      return "signature mismatch";
    }
  }

  /** Hands a checked request to Bolt, with Bolt's own ack (an HTTP response, or 404 after 3 s). */
  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    body: Body,
    times: { receivedAt: number; sentAt: number },
  ): Promise<void> {
    const app = this.app;
    if (!app) return reply(res, 503);
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await app.processEvent({
        body,
        ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
        customProperties: times,
      });
    } catch (error) {
      const acknowledged = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.options.boltLogger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acknowledged) ack.ack();
    }
  }
}
