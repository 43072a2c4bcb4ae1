// A bare Bolt app for comparison: it acks the same slash command and opens a modal of the same size
// as ours, posts a message of the same size on submission, and replies in threads. No logic.
import { bareBolt, CHANNEL, listen } from "./bare-bolt.mjs";

const { app, surfaces } = bareBolt();
app.view("questionnaire", async ({ ack, client }) => {
  await ack();
  await client.chat.postMessage({ channel: CHANNEL, ...surfaces.message });
});
await listen(app, "bare bolt");
