import type { ServerResponse } from "node:http";
import { App, type Receiver, type webApi } from "@slack/bolt";
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
import { HardenedReceiver, type Health, type ReceiverLimits } from "./receiver.js";
import { BotIdentity } from "./services/bot-identity.js";
import { Busy } from "./services/busy.js";
import { ChannelThrottle, type Timers } from "./services/channel-throttle.js";
import { ChannelVisibility } from "./services/channel-visibility.js";
import { trustedResponseUrls } from "./services/codecs.js";
import { storedDecisionLog } from "./services/decision-log.js";
import { tellPerson } from "./services/delivery.js";
import { InFlight } from "./services/in-flight.js";
import { PublishedHomes } from "./services/published-homes.js";
import { RecommendationThreads } from "./services/recommendation-threads.js";
import { RecommendationRefresher } from "./services/refresh-recommendation.js";
import { ReminderSweep, teamCalls } from "./services/reminder-sweep.js";
import { requestIds, requestLogger } from "./services/request-log.js";
import { RevisitReminders } from "./services/revisit-reminders.js";
import { settingsAdmins } from "./services/settings-admins.js";
import { SharedOnce } from "./services/shared-once.js";
import { type ApiPolicy, DEFAULT_API_POLICY, SlackApi, webClientOptions } from "./services/slack-api.js";
import { surfaceDeps } from "./services/surfaces.js";
import { WorkLocks } from "./services/work-locks.js";
import { WorkspaceLinks } from "./services/workspace-links.js";

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
  /** Timeouts, retries and the cap on outstanding work; tests shorten them. Default DEFAULT_API_POLICY. */
  apiPolicy?: Partial<ApiPolicy>;
  /** The HTTP receiver's timeouts and caps (HTTP mode). */
  receiverLimits?: Partial<ReceiverLimits>;
  /**
   * The only origin whose response_urls the app may post to, instead of Slack's hosts: the
   * playground's own loopback server. Never read from the environment.
   */
  responseUrlOrigin?: string;
  /** A receiver of the caller's (AWS Lambda); otherwise Socket Mode or our HTTP receiver per the config. */
  receiver?: Receiver;
  /** How often a channel's recommendation messages may be updated, and the timers that pace it (tests). */
  messageRefresh?: { intervalMs?: number; timers?: Timers };
  /** The time reminders are reckoned from (tests move it with the database's clock). Default Date.now. */
  now?: () => number;
}

export interface SlackApp {
  app: App<AppContext>;
  deps: Deps;
  /** The HTTP receiver, in HTTP mode. */
  receiver?: HardenedReceiver;
}

/**
 * /healthz: unhealthy while outstanding work is at its cap, or when some of it outlives every deadline
 * (no call may end after the work budget, so older work is stuck on something without one).
 */
export function healthOf(deps: Deps, version: string, mode: string): Health {
  const { inFlight, api } = deps;
  const work = { outstanding: inFlight.size, cap: inFlight.cap, oldestMs: inFlight.oldestAgeMs() };
  if (inFlight.saturated) return { ok: false, reason: "saturated", version, mode, ...work };
  if (work.oldestMs > api.policy.workBudgetMs + api.policy.attemptTimeoutMs) {
    return { ok: false, reason: "hung", version, mode, ...work };
  }
  return { ok: true, version, mode };
}

/** /healthz on Bolt's own HTTP receiver (many workspaces): the same answer as the hardened receiver's. */
function healthz(deps: Deps, version: string, mode: string) {
  return (_req: unknown, res: ServerResponse) => {
    const health = healthOf(deps, version, mode);
    res.writeHead(health.ok ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify(health));
  };
}

/** What Bolt hands the extended error handler (the context holds the request's token, if it got that far). */
type ErrorArgs = { error: Error; body: unknown; context?: { botToken?: string } & Partial<AppContext> };

/** Builds the Bolt app from a config. Nothing runs until the caller starts it. */
export function createApp(options: CreateAppOptions): SlackApp {
  const { config, logger, database } = options;
  const knowledge = options.knowledge ?? getKnowledge();
  const policy: ApiPolicy = { ...DEFAULT_API_POLICY, ...options.apiPolicy };
  // One workspace: its token; many: none here, each request passes its own (context.botToken) to forRequest.
  const manyWorkspaces = config.installs.kind === "many";
  const api = new SlackApi({
    ...(manyWorkspaces ? {} : { token: config.slack.botToken }),
    ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
    policy,
    clientLogger: () => toBoltLogger(logger.child({ component: "web-api" })),
    trustsResponseUrl: trustedResponseUrls(options.responseUrlOrigin),
  });
  const links = new WorkspaceLinks();
  const refresher = new RecommendationRefresher(
    { knowledge, database, links },
    new ChannelThrottle(options.messageRefresh?.intervalMs, options.messageRefresh?.timers),
  );
  const revisits = new RevisitReminders({
    knowledge,
    database,
    ...(options.now ? { now: options.now } : {}),
    // The message shows the reminder's date; a late one was moved when Slack took it.
    afterScheduled: (r, calls, log) =>
      refresher.refresh(
        {
          teamId: r.teamId,
          ...(r.enterpriseId ? { enterpriseId: r.enterpriseId } : {}),
          channel: r.decisionChannelId,
          ts: r.decisionTs,
        },
        calls,
        log,
      ),
  });
  const reminderLog = logger.child({ component: "reminders" });
  const deps: Deps = {
    knowledge,
    logger,
    threads: new RecommendationThreads(knowledge, database.recommendations),
    once: new SharedOnce(database.handledEvents, logger),
    inFlight: new InFlight(policy.maxOutstanding),
    api,
    ...surfaceDeps(knowledge),
    channels: new ChannelVisibility(database.decisions),
    decisionLog: storedDecisionLog(database.decisions),
    database,
    manyWorkspaces,
    settingsAdmins: settingsAdmins(
      manyWorkspaces
        ? { kind: "many", installations: database.installations }
        : { kind: "one", admins: config.settingsAdmins ?? [] },
    ),
    homes: new PublishedHomes(),
    locks: new WorkLocks(database.handledEvents, logger),
    links,
    refresher,
    revisits,
    reminderSweep: new ReminderSweep(
      revisits,
      teamCalls(api, reminderLog, manyWorkspaces ? database.installations : undefined),
      reminderLog,
    ),
  };
  const busy = new Busy(knowledge, logger, deps.inFlight);
  const boltLogger = toBoltLogger(logger.child({ component: "bolt" }));
  // Bolt's own client (its auth.test when the bot ids are not given) gets the same bounds as ours.
  const clientOptions: webApi.WebClientOptions = webClientOptions(
    policy,
    config.slack.apiUrl,
    toBoltLogger(logger.child({ component: "bolt-web-api" })),
  );
  // Known bot ids go to Bolt as they are; otherwise auth.test is asked until it answers (BotIdentity).
  // Many workspaces: Bolt's OAuth installer over the database's installation store authorizes each request.
  const identity = manyWorkspaces
    ? installationOptions({ config, installationStore: database.installations })
    : options.botId && options.botUserId
      ? { token: config.slack.botToken as string, botId: options.botId, botUserId: options.botUserId }
      : (() => {
          const bot = new BotIdentity(
            api,
            config.slack.botToken as string,
            logger.child({ component: "auth" }),
          );
          bot.start();
          return { authorize: bot.authorize };
        })();
  const common = {
    ...identity,
    logger: boltLogger,
    logLevel: toBoltLogLevel(config.logLevel),
    clientOptions,
    extendedErrorHandler: true as const,
  };
  let receiver: HardenedReceiver | undefined;
  let app: App<AppContext>;
  if (options.receiver) app = new App<AppContext>({ ...common, receiver: options.receiver });
  else if (config.mode === "socket") {
    app = new App<AppContext>({ ...common, socketMode: true, appToken: config.slack.appToken as string });
  } else if (manyWorkspaces) {
    // Many workspaces: Bolt builds the OAuth installer, its /slack/install and /slack/oauth_redirect
    // routes and authorize only inside its own HTTPReceiver, so that one serves here (with /healthz);
    // the hardened receiver's limits and early "busy" answer are for one workspace (see the README).
    app = new App<AppContext>({
      ...common,
      signingSecret: config.slack.signingSecret as string,
      port: config.port,
      customRoutes: [
        { path: "/healthz", method: ["GET"], handler: healthz(deps, options.version, config.mode) },
      ],
    });
  } else {
    receiver = new HardenedReceiver({
      signingSecret: config.slack.signingSecret as string,
      logger,
      boltLogger,
      health: () => healthOf(deps, options.version, config.mode),
      // Beyond the cap, refused before Bolt: the cheapest answer, so a flood is answered, not queued.
      shed: (body) => (deps.inFlight.saturated ? busy.refuse(body) : undefined),
      ...(options.receiverLimits ? { limits: options.receiverLimits } : {}),
    });
    app = new App<AppContext>({ ...common, receiver });
  }

  // Each request: when it arrived (the HTTP receiver knows best), a logger with its team, user and
  // channel ids, and Web API calls that end before its deadline.
  app.use(async ({ body, context, next }) => {
    if (typeof context.receivedAt !== "number") context.receivedAt = Date.now();
    context.log = requestLogger(logger, body);
    const issuedAt = Math.min(context.receivedAt, context.sentAt ?? Number.POSITIVE_INFINITY);
    // A Workflow step's own token (Slack sends one with each execution, as Bolt's client uses); with many
    // workspaces, otherwise, the token Bolt's authorize found for this request's workspace.
    const token =
      (context.functionBotAccessToken as string | undefined) ??
      (manyWorkspaces ? (context.botToken as string | undefined) : undefined);
    context.api = api.forRequest(context.receivedAt, context.log, issuedAt, token);
    await next();
  });

  // Beyond the cap on outstanding work: a short "busy, try again", rather than a queue (the HTTP
  // receiver answers these before Bolt; this covers Socket Mode and Lambda). An event is dropped:
  // Bolt has acknowledged it already.
  app.use(async (args) => {
    if (!deps.inFlight.saturated) return args.next();
    const refusal = busy.refuse(args.body);
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (ack && refusal.status === 200) await ack(refusal.response);
  });

  // Shutdown waits for whatever is still being handled (work continues after ack).
  app.use(({ next }) => deps.inFlight.track(next));

  // Slack retries slow deliveries with the same event_id: handle each event once.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    const handled = await deps.once.guard(`event:${eventId}`, next);
    if (!handled) logger.debug({ eventId }, "duplicate event delivery ignored");
  });

  registerListeners(app, deps);

  // Any listener error: log it with its context, tell the person, keep running. Tracked, so that
  // shutdown waits for the apology too. With many workspaces the apology goes with the request's own token.
  app.error(async ({ error, body, context }: ErrorArgs) => {
    // No installation for the workspace (or none readable): Bolt's own answer, and no apology we could post.
    if (isAuthorizationError(error)) return handleAuthorizationFailure(error, body, logger, api);
    const ids = requestIds(body);
    const err = (error as { original?: unknown }).original ?? error;
    logger.error({ err, ...ids, type: (body as { type?: unknown } | undefined)?.type }, "listener failed");
    if (!ids.user) {
      // The request names no one (a malformed payload): there is nobody to apologise to.
      logger.warn({ ...ids, reason: "the request names no user" }, "could not tell the person");
      return;
    }
    const user = ids.user;
    const ours = (context ?? {}) as Partial<AppContext>;
    const log = ours.log ?? requestLogger(logger, body);
    const token = manyWorkspaces ? context?.botToken : undefined;
    const calls = ours.api ?? api.forRequest(Date.now(), log, undefined, token);
    const responseUrl = calls.responseUrlOf(body);
    await deps.inFlight
      .track(() =>
        tellPerson(
          calls,
          log,
          {
            user,
            ...(ids.channel ? { channel: ids.channel } : {}),
            ...(responseUrl ? { responseUrl } : {}),
          },
          "Sorry, something went wrong on my side. Please try again; if it keeps happening, type `/flask-or-django help`.",
        ),
      )
      .catch((e: unknown) => logger.error({ err: e }, "apology failed"));
  });

  return { app, deps, ...(receiver ? { receiver } : {}) };
}
