import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { LOG_LEVELS, type LogLevelName } from "../config.js";
import { createApp } from "../slack/app.js";
import { type Database, openDatabase } from "../storage/index.js";
import { readVersion } from "../version.js";
import { ResponseUrls } from "./bridge/response-urls.js";
import { slackSender } from "./bridge/send.js";
import { SlackState } from "./fake-slack/state.js";
import { loadPageFiles } from "./page-files.js";
import { Playground } from "./playground.js";
import { requestHandler } from "./server.js";
import { WORKSPACE } from "./workspace.js";

export interface PlaygroundOptions {
  /** 0 picks a free port (tests). */
  port: number;
  logger: Logger;
  /** Interface to listen on; loopback by default, since the page drives the app with no login. */
  host?: string;
  /** The stand-in's clock (message ts values); `npm run screenshots` fixes it so pictures only change with the app. */
  now?: () => number;
}

export interface RunningPlayground {
  /** The page, e.g. http://localhost:3000 */
  url: string;
  port: number;
  /** The app's database (SQLite in memory): `npm run screenshots` seeds decisions through it. */
  database: Database;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the playground: one HTTP server for the page and for the stand-in for Slack's Web API, and
 * the real Bolt app (createApp, every listener) in HTTP mode on an internal loopback port. The app's
 * Web API client points at the stand-in; the page's actions reach the app as signed Slack requests.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const host = options.host ?? "127.0.0.1";
  const logger = options.logger;
  let playground: Playground | undefined;
  const server = createServer();
  const port = await listen(server, options.port, host);
  const local = `http://127.0.0.1:${port}`;
  const shownHost = host === "127.0.0.1" || host === "::1" || host === "localhost" ? "localhost" : host;
  const pageUrl = `http://${shownHost}:${port}`;
  const state = new SlackState(options.now, pageUrl);
  state.documents.uploadBase = `${local}/upload/`;
  const responseUrls = new ResponseUrls(state, local);
  server.on(
    "request",
    requestHandler({
      state,
      playground: () => playground,
      responseUrls,
      files: loadPageFiles(),
      logger,
      hosts: new Set([
        `127.0.0.1:${port}`,
        `localhost:${port}`,
        `[::1]:${port}`,
        `${host}:${port}`.toLowerCase(),
      ]),
    }),
  );

  // A fresh secret each run: only this process can sign requests the app will accept.
  const signingSecret = randomBytes(16).toString("hex");
  const level = (LOG_LEVELS as readonly string[]).includes(logger.level)
    ? (logger.level as LogLevelName)
    : "info";
  // No database to configure: SQLite in memory, gone when the playground stops, like the rest of its state.
  const database = await openDatabase("sqlite::memory:", {
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  const { app } = createApp({
    config: {
      mode: "http",
      slack: { botToken: WORKSPACE.botToken, signingSecret, apiUrl: `${local}/api/` },
      port: 0,
      logLevel: level,
      env: "development",
      installs: { kind: "one" },
      database: { kind: "sqlite", file: ":memory:" },
      // The person at the keyboard stands for whoever installed the app: they may change its settings.
      settingsAdmins: [WORKSPACE.user.id],
    },
    database,
    logger,
    version: readVersion(),
    botId: WORKSPACE.bot.id,
    botUserId: WORKSPACE.bot.userId,
    // The stand-in is in-process: a failed call is a bug to see at once, not a blip to retry.
    apiPolicy: { maxAttempts: 1 },
    // The response_urls it hands out point at its own loopback server.
    responseUrlOrigin: local,
  });
  const appServer = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const appPort = (appServer.address() as AddressInfo).port;
  playground = new Playground(
    state,
    slackSender(`http://127.0.0.1:${appPort}/slack/events`, signingSecret),
    responseUrls,
    logger,
  );

  return {
    url: pageUrl,
    port,
    database,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      appServer.closeAllConnections();
      await app.stop();
      await database.close();
    },
  };
}
