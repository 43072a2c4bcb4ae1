import type { ServerResponse } from "node:http";
import { App, type Receiver, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { getKnowledge, type Knowledge } from "../engine/index.js";
import { toBoltLogger, toBoltLogLevel } from "../logger.js";
import type { Database } from "../storage/index.js";
import type { AppContext } from "./context.js";
import type { Deps } from "./deps.js";
import {
  handleAuthorizationFailure,
  installationOptions,
  isAuthorizationError,
} from "./installation-options.js";
import { registerListeners } from "./listeners/index.js";
import { isSlackResponseUrl } from "./services/codecs.js";
import { tellPerson } from "./services/delivery.js";
import { InFlight } from "./services/in-flight.js";
import { RecommendationThreads } from "./services/recommendation-threads.js";
import { requestIds, requestLogger } from "./services/request-log.js";
import { SharedOnce } from "./services/shared-once.js";
import { surfaceDeps } from "./services/surfaces.js";

export interface CreateAppOptions {
  config: Config;
  logger: Logger;
  version: string;
  knowledge?: Knowledge;
  /** The open database (main.ts opens DATABASE_URL; tests and the playground pass SQLite in memory). */
  database: Database;
  /** Known bot ids skip Bolt's auth.test call at start (tests, and installs that know them). */
  botId?: string;
  botUserId?: string;
  /** Merged into the Web API client's options (tests set retries to 0). */
  clientOptions?: webApi.WebClientOptions;
  /** A receiver of the caller's (AWS Lambda); otherwise Socket Mode or Bolt's HTTP receiver per the config. */
  receiver?: Receiver;
}

export interface SlackApp {
  app: App<AppContext>;
  deps: Deps;
}

function healthz(version: string, mode: string) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, version, mode }));
  };
}

/** What Bolt hands the extended error handler (the context holds the request's token, if it got that far). */
type ErrorArgs = { error: Error; body: unknown; context?: { botToken?: string } };

/** Builds the Bolt app from a config. Nothing runs until the caller starts it. */
export function createApp(options: CreateAppOptions): SlackApp {
  const { config, logger, database } = options;
  const knowledge = options.knowledge ?? getKnowledge();
  const deps: Deps = {
    knowledge,
    logger,
    threads: new RecommendationThreads(knowledge, database.recommendations),
    once: new SharedOnce(database.handledEvents, logger),
    inFlight: new InFlight(),
    ...surfaceDeps(knowledge),
    database,
    manyWorkspaces: config.installs.kind === "many",
  };
  const boltLogger = toBoltLogger(logger.child({ component: "bolt" }));
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...options.clientOptions,
  };
  const common = {
    // One workspace's token, or Bolt's OAuth installer over the database's installation store.
    ...installationOptions({
      config,
      installationStore: database.installations,
      botId: options.botId,
      botUserId: options.botUserId,
    }),
    logger: boltLogger,
    logLevel: toBoltLogLevel(config.logLevel),
    clientOptions,
    extendedErrorHandler: true as const,
  };
  const app = options.receiver
    ? new App<AppContext>({ ...common, receiver: options.receiver })
    : config.mode === "socket"
      ? new App<AppContext>({ ...common, socketMode: true, appToken: config.slack.appToken as string })
      : new App<AppContext>({
          ...common,
          signingSecret: config.slack.signingSecret as string,
          port: config.port,
          customRoutes: [
            { path: "/healthz", method: ["GET"], handler: healthz(options.version, config.mode) },
          ],
        });

  // Shutdown waits for whatever is still being handled (work continues after ack).
  app.use(({ next }) => deps.inFlight.track(next));

  // Each request's log lines carry its team, user and channel ids.
  app.use(async ({ body, context, next }) => {
    context.log = requestLogger(logger, body);
    await next();
  });

  // Slack retries slow deliveries with the same event_id: handle each event once.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    const handled = await deps.once.guard(`event:${eventId}`, next);
    if (!handled) logger.debug({ eventId }, "duplicate event delivery ignored");
  });

  registerListeners(app, deps);

  // Any listener error: log it with its context, tell the person, keep running.
  app.error(async ({ error, body, context }: ErrorArgs) => {
    // No installation for the workspace (or none readable): Bolt's own answer, and no apology we could post.
    if (isAuthorizationError(error)) return handleAuthorizationFailure(error, body, logger);
    const ids = requestIds(body);
    const err = (error as { original?: unknown }).original ?? error;
    logger.error({ err, ...ids, type: (body as { type?: unknown } | undefined)?.type }, "listener failed");
    if (!ids.user) return;
    const responseUrl = (body as { response_url?: unknown }).response_url;
    // With many workspaces app.client has no token: the apology goes with the request's own.
    const token = deps.manyWorkspaces ? context?.botToken : undefined;
    const client = token ? new webApi.WebClient(token, { ...clientOptions, logger: boltLogger }) : app.client;
    await tellPerson(
      client,
      logger,
      {
        user: ids.user,
        ...(ids.channel ? { channel: ids.channel } : {}),
        ...(isSlackResponseUrl(responseUrl) ? { responseUrl } : {}),
      },
      "Sorry, something went wrong on my side. Please try again; if it keeps happening, type `/flask-or-django help`.",
    ).catch((e: unknown) => logger.error({ err: e }, "apology failed"));
  });

  return { app, deps };
}
