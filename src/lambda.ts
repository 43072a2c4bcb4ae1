import { AwsLambdaReceiver } from "@slack/bolt";
import { z } from "zod";
import { loadConfig } from "./config.js";
import { createLogger, toBoltLogger } from "./logger.js";
import { createApp, type SlackApp } from "./slack/app.js";
import { openAppDatabase } from "./storage/open-app-database.js";
import { readVersion } from "./version.js";

/**
 * AWS Lambda entry point (API Gateway → POST /slack/events). The same app and listeners as the
 * server, behind Bolt's AwsLambdaReceiver, which answers only after the listeners have finished:
 * a Lambda is frozen once it returns. An EventBridge schedule's event runs the reminders' sweep
 * instead, which the server runs hourly on a timer: no process stays up on Lambda to do it.
 */
type Handler = ReturnType<AwsLambdaReceiver["toHandler"]>;

/** What EventBridge sends on a schedule (`rate(1 hour)`); anything else goes to Slack's receiver. */
const ScheduledEvent = z.looseObject({
  source: z.literal("aws.events"),
  "detail-type": z.literal("Scheduled Event"),
});

/**
 * Builds a handler from an environment (HTTP-style config: the signing secret is required). The
 * configuration is checked at once; the database (DATABASE_URL: PostgreSQL on Lambda, whose disk is
 * not kept) is opened on the first invocation, and again on the next one if that failed.
 */
export function createLambdaHandler(env: NodeJS.ProcessEnv = process.env): Handler {
  const config = loadConfig({ ...env, SLACK_APP_TOKEN: "" });
  if (config.installs.kind === "many") {
    throw new Error(
      "Installing in many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET) is not supported on AWS Lambda: the install pages need the HTTP server (npm start). Use SLACK_BOT_TOKEN on Lambda.",
    );
  }
  const logger = createLogger({ level: config.logLevel, env: "production" });
  const receiver = new AwsLambdaReceiver({
    signingSecret: config.slack.signingSecret as string,
    logger: toBoltLogger(logger.child({ component: "bolt" })),
  });
  const handle = receiver.toHandler();
  let ready: Promise<SlackApp> | undefined;
  return async (event, context) => {
    ready ??= openAppDatabase(config, logger).then(
      (database) => createApp({ config, logger, version: readVersion(), receiver, database }),
      (err: unknown) => {
        ready = undefined;
        throw err;
      },
    );
    const { deps } = await ready;
    if (ScheduledEvent.safeParse(event).success) {
      const scheduled = await deps.reminderSweep.runOnce();
      return { statusCode: 200, body: JSON.stringify({ remindersScheduled: scheduled }) };
    }
    return handle(event, context);
  };
}

let cached: Handler | undefined;

/** The Lambda handler; the app is built on the first invocation and reused while the container lives. */
export const handler: Handler = (event, context) => {
  cached ??= createLambdaHandler();
  return cached(event, context);
};
