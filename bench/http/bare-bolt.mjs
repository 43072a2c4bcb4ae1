// What both bare apps share: a Bolt app with no logic that opens the same modal for the command and
// replies the same answer in threads. The submission is each app's own.
import { readFileSync } from "node:fs";
import bolt from "@slack/bolt";

export const CHANNEL = "C07QF9S3K2L";

export function bareBolt() {
  const surfaces = JSON.parse(readFileSync(process.env.BENCH_SURFACES, "utf8"));
  const app = new bolt.App({
    token: "xoxb-1-2-bench",
    signingSecret: process.env.SLACK_SIGNING_SECRET,
    botId: "B07R8FJ2Q1X",
    botUserId: "U07R3MZ1B4K",
    logLevel: bolt.LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  });
  app.command("/flask-or-django", async ({ ack, command, client }) => {
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: surfaces.modal });
  });
  app.event("message", async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts, ...surfaces.answer });
  });
  return { app, surfaces };
}

export async function listen(app, what) {
  await app.start(Number(process.env.PORT));
  console.log(`${what} listening`);
  process.on("SIGTERM", () => process.exit(0));
}
