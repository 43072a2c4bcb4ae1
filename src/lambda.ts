import { AwsLambdaReceiver } from "@slack/bolt";
import { loadConfig } from "./config.js";
import { createLogger, toBoltLogger } from "./logger.js";
import { createApp } from "./slack/app.js";
import { readVersion } from "./version.js";

/**
 * AWS Lambda entry point (API Gateway → POST /slack/events). The same app and listeners as the
 * server, behind Bolt's AwsLambdaReceiver, which answers only after the listeners have finished:
 * a Lambda is frozen once it returns.
 */
type Handler = ReturnType<AwsLambdaReceiver["toHandler"]>;

/** Builds a handler from an environment (HTTP-style config: the signing secret is required). */
export function createLambdaHandler(env: NodeJS.ProcessEnv = process.env): Handler {
  const config = loadConfig({ ...env, SLACK_APP_TOKEN: "" });
  const logger = createLogger({ level: config.logLevel, env: "production" });
  const receiver = new AwsLambdaReceiver({
    signingSecret: config.slack.signingSecret as string,
    logger: toBoltLogger(logger.child({ component: "bolt" })),
  });
  createApp({ config, logger, version: readVersion(), receiver });
  return receiver.toHandler();
}

let cached: Handler | undefined;

/** The Lambda handler; the app is built on the first invocation and reused while the container lives. */
export const handler: Handler = (event, context) => {
  cached ??= createLambdaHandler();
  return cached(event, context);
};
