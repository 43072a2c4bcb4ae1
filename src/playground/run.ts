import type { PlaygroundConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { startPlayground } from "./index.js";

/**
 * `npm start` with no Slack credentials: the playground, on the configured port. Its first log line says
 * where; the next says how to connect Slack instead. Stops cleanly on SIGTERM and SIGINT.
 */
export async function runPlayground(config: PlaygroundConfig, hint: string): Promise<void> {
  const logger = createLogger({ level: config.logLevel, env: config.env });
  const playground = await startPlayground({ port: config.port, logger });
  logger.info(
    { mode: "playground", port: playground.port },
    `No Slack credentials: playground at ${playground.url}`,
  );
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
