import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig, loadPlaygroundConfig, startsPlayground } from "./config.js";
import { createLogger } from "./logger.js";
import { createApp } from "./slack/app.js";
import { openAppDatabase } from "./storage/open-app-database.js";
import { readVersion } from "./version.js";

const SHUTDOWN_GRACE_MS = 10_000;
/** On shutdown every Web API call still to make must end this long before the grace period does. */
const SHUTDOWN_MARGIN_MS = 1000;

const NO_CREDENTIALS = `Open the playground in a browser to try the app without Slack: type /flask-or-django in its channel.

To run it in Slack instead:
  1. Create the app from manifest.yml at https://api.slack.com/apps (Create New App → From a manifest).
  2. Copy .env.example to .env and fill in SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode),
     or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode). The README walks through it.
     To install it in many workspaces, set the OAuth variables instead (README: Distributing to many workspaces).
  3. npm start

Or try the engine in the terminal: npm run ask (npm run ask -- --help for every flag).`;

/** Reads the configuration with `load`; on a ConfigError, lists the problems on stderr and sets exit code 1. */
function configFrom<T>(load: (env: NodeJS.ProcessEnv) => T): T | undefined {
  try {
    return load(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(
      `Cannot start: the configuration has problems.\n${err.problems.map((p) => `  - ${p}`).join("\n")}\n`,
    );
    process.exitCode = 1;
    return undefined;
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  loadDotenv({ quiet: true });
  if (startsPlayground(process.env)) {
    // No Slack app to start: serve the playground, which runs the same app against a stand-in for Slack.
    // Loaded only here, so a Slack deployment never loads the playground's code.
    const config = configFrom(loadPlaygroundConfig);
    if (config === undefined) return;
    const { runPlayground } = await import("./playground/run.js");
    await runPlayground(config, NO_CREDENTIALS);
    return;
  }
  const config = configFrom(loadConfig);
  if (config === undefined) return;
  const logger = createLogger({ level: config.logLevel, env: config.env });
  const version = readVersion();

  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
  process.on("uncaughtException", (err) => {
    logger.fatal({ err }, "uncaught exception; exiting");
    process.exit(1);
  });

  // DATABASE_URL (default: the SQLite file under var/), migrated before the app takes a request.
  const database = await openAppDatabase(config, logger);
  const { app, deps } = createApp({ config, logger, version, database });
  if (config.mode === "socket") await app.start();
  else await app.start(config.port);
  // Revisit reminders due beyond Slack's 120-day horizon are handed to it as they come within range.
  deps.reminderSweep.start();
  logger.info(
    {
      mode: config.mode,
      installs: config.installs.kind,
      version,
      ...(config.mode === "http" ? { port: config.port } : {}),
      startMs: Math.round(performance.now() - startedAt),
    },
    config.mode === "socket"
      ? "flask-or-django is running in Socket Mode"
      : `flask-or-django is listening on port ${config.port}`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, inFlight: deps.inFlight.size },
      "shutting down: no new requests, finishing in-flight work",
    );
    // Work already acknowledged goes on, but no call may outlast the grace period: what cannot be
    // finished is told to the person or logged with its ids, never dropped silently.
    deps.api.shutdown(SHUTDOWN_GRACE_MS - SHUTDOWN_MARGIN_MS);
    const force = setTimeout(() => {
      logger.warn({ inFlight: deps.inFlight.size }, "in-flight work did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app
      .stop()
      .then(() => deps.inFlight.idle(SHUTDOWN_GRACE_MS))
      .then(() => deps.reminderSweep.stop())
      .then(() => database.close())
      .then(() => {
        logger.info("stopped");
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, "error while stopping");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  process.stderr.write(`flask-or-django could not start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exitCode = 1;
});
