/**
 * npm run screenshots: the README's pictures, taken from the playground itself so they never go
 * stale. Starts the playground on a free port, drives it in headless Chromium, and writes
 * docs/screenshots/modal.png, recommendation.png, thread-answer.png and pane.png.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pino from "pino";
import type { Locator, Page } from "playwright-core";
import { startPlayground } from "../src/playground/index.js";
import {
  answerLargeWithAdmin,
  askInPane,
  askInThread,
  launchChromium,
  openAgentPane,
  openQuestionnaire,
  submitAndWaitForRecommendation,
} from "./playground-browser.js";

const OUT = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));

/** One picture of several elements: the smallest rectangle around them, with a margin. */
async function shootAround(page: Page, parts: Locator[], file: string): Promise<void> {
  const boxes = [];
  for (const part of parts) {
    const box = await part.boundingBox();
    if (box) boxes.push(box);
  }
  const margin = 0;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  await page.screenshot({ path: `${OUT}${file}`, clip: { x, y, width: right - x, height: bottom - y } });
  process.stdout.write(`wrote docs/screenshots/${file}\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // A fixed time of day (then real seconds), so the timestamps in the pictures are the same every run.
  const started = Date.now();
  const now = () => Date.UTC(2026, 0, 15, 10, 30) + (Date.now() - started);
  const playground = await startPlayground({ port: 0, logger: pino({ level: "warn" }), now });
  const browser = await launchChromium();
  try {
    // Tall enough that the whole modal and the whole recommendation fit without scrolling.
    const page = await browser.newPage({
      viewport: { width: 1200, height: 2000 },
      locale: "en-US",
      timezoneId: "UTC",
    });
    await page.goto(playground.url);

    const modal = await openQuestionnaire(page);
    await answerLargeWithAdmin(modal);
    const notes = modal.getByRole("textbox");
    await notes.fill("Staff edit orders and refunds; customers log in to track them.");
    await notes.blur();
    await shootAround(page, [modal], "modal.png");

    const message = await submitAndWaitForRecommendation(page, modal);
    await shootAround(page, [message], "recommendation.png");

    await message.locator("button[data-action-id=show_details]").click();
    const details = page.getByRole("dialog", { name: "Recommendation details" });
    await details.waitFor({ timeout: 15_000 });
    await shootAround(page, [details], "details.png");
    await details.locator("footer [data-modal-close]").click();
    await details.waitFor({ state: "hidden", timeout: 15_000 });

    const answer = await askInThread(page, message, "what about the admin?");
    const question = page.getByRole("complementary", { name: "Thread" }).locator("article.message").nth(-2);
    await shootAround(page, [question, answer], "thread-answer.png");

    // The agent pane beside the channel: a question about the recommendation posted there.
    await page.setViewportSize({ width: 1200, height: 1100 });
    const pane = await openAgentPane(page);
    await askInPane(pane, "why not flask?");
    await shootAround(page, [pane], "pane.png");
  } finally {
    await browser.close();
    await playground.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
