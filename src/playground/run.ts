import { DEFAULT_PORT, LOG_LEVELS, type LogLevelName, NODE_ENVS, type NodeEnv } from "../config.js";
import { createLogger } from "../logger.js";
import { startPlayground } from "./index.js";

const pick = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T =>
  allowed.find((v) => v === value?.trim().toLowerCase()) ?? fallback;

/** PORT as config.ts reads it; the playground needs nothing else from the environment. */
function portFrom(env: NodeJS.ProcessEnv): number | undefined {
  const raw = (env.PORT ?? "").trim();
  if (raw === "") return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined;
}

/**
 * `npm start` with no Slack credentials: the playground, on PORT. Its first log line says where;
 * the next says how to connect Slack instead. Stops cleanly on SIGTERM and SIGINT.
 */
export async function runPlayground(env: NodeJS.ProcessEnv, hint: string): Promise<void> {
  const logger = createLogger({
    level: pick<LogLevelName>(env.LOG_LEVEL, LOG_LEVELS, "info"),
    env: pick<NodeEnv>(env.NODE_ENV, NODE_ENVS, "development"),
  });
  const port = portFrom(env);
  if (port === undefined) {
    process.stderr.write(`Cannot start the playground: PORT must be a whole number from 1 to 65535.\n`);
    process.exitCode = 1;
    return;
  }
  const playground = await startPlayground({ port, logger });
  logger.info({ mode: "playground", port }, `No Slack credentials: playground at ${playground.url}`);
  logger.info(hint);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping the playground");
    playground.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "error while stopping the playground");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
