// Bare Bolt doing our submission's work, with none of our plumbing (BENCH_SAME_WORK=1): it reads the
// answers, recommends, builds the same message and stores the recommendation and its proposed decision
// through our own modules (from dist/). Commands and thread questions it handles as bare-app.mjs does.
import { readFileSync } from "node:fs";
import bolt from "@slack/bolt";
import pino from "pino";
import { getKnowledge } from "../../dist/src/engine/index.js";
import { freshTeamModel } from "../../dist/src/slack/blocks/team-section.js";
import { recommendationMessage } from "../../dist/src/slack/services/compose-recommendation.js";
import {
  recommendationRow,
  recordRecommendation,
} from "../../dist/src/slack/services/saved-recommendations.js";
import { parseSubmission } from "../../dist/src/slack/services/submission.js";
import { openDatabase } from "../../dist/src/storage/index.js";

const surfaces = JSON.parse(readFileSync(process.env.BENCH_SURFACES, "utf8"));
const knowledge = getKnowledge();
const database = await openDatabase(process.env.DATABASE_URL);
const silent = pino({ level: "silent" });
const CHANNEL = "C07QF9S3K2L";
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
app.view("questionnaire", async ({ ack, client, view, body }) => {
  const submission = parseSubmission(knowledge, view.state, false);
  await ack();
  if (!submission.ok) return;
  const { message, rec } = recommendationMessage(
    knowledge,
    submission.profile,
    body.user.id,
    undefined,
    freshTeamModel(),
  );
  const posted = await client.chat.postMessage({ channel: CHANNEL, ...message });
  const row = recommendationRow(
    { teamId: body.team.id },
    { channel: CHANNEL, ts: posted.ts },
    rec,
    body.user.id,
  );
  await recordRecommendation(database, silent, row, true);
});
app.event("message", async ({ event, client }) => {
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts, ...surfaces.answer });
});
await app.start(Number(process.env.PORT));
console.log("bare bolt with our submission's work listening");
process.on("SIGTERM", () => process.exit(0));
