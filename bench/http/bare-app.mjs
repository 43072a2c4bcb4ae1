// A bare Bolt app for comparison: it acks the same slash command and opens a modal of the same size
// as ours, posts a message of the same size on submission, and replies in threads. No logic.
import { readFileSync } from "node:fs";
import bolt from "@slack/bolt";

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
app.view("questionnaire", async ({ ack, client }) => {
  await ack();
  await client.chat.postMessage({ channel: "C07QF9S3K2L", ...surfaces.message });
});
app.event("message", async ({ event, client }) => {
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts, ...surfaces.answer });
});
await app.start(Number(process.env.PORT));
console.log("bare bolt listening");
process.on("SIGTERM", () => process.exit(0));
