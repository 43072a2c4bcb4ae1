// Bare Bolt doing our submission's work, with none of our plumbing (BENCH_SAME_WORK=1): it reads the
// answers, recommends, builds the same message and stores the recommendation and its proposed decision
// through our own modules (from dist/). Commands and thread questions: as bare-app.mjs (bare-bolt.mjs).
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
import { bareBolt, CHANNEL, listen } from "./bare-bolt.mjs";

const knowledge = getKnowledge();
const database = await openDatabase(process.env.DATABASE_URL);
const silent = pino({ level: "silent" });
const { app } = bareBolt();
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
await listen(app, "bare bolt with our submission's work");
