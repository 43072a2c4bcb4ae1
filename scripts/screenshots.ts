/**
 * npm run screenshots: the README's pictures, taken from the playground itself so they never go
 * stale. Starts the playground on a free port, drives it in headless Chromium, and writes
 * docs/screenshots/modal.png, recommendation.png, details.png, thread-answer.png, pane.png, and
 * decision-log.png and adr-canvas.png (App Home's decisions, and one exported as the channel's canvas).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pino from "pino";
import type { Locator, Page } from "playwright-core";
import { getKnowledge, recommend, toProfile } from "../src/engine/index.js";
import { type RunningPlayground, startPlayground } from "../src/playground/index.js";
import { WORKSPACE } from "../src/playground/workspace.js";
import {
  answerLargeWithAdmin,
  askInPane,
  askInThread,
  exportToCanvas,
  launchChromium,
  openAgentPane,
  openHome,
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

/** Moves the playground's clock while earlier decisions are seeded (see `now` in main). */
let seedingAt: number | undefined;

/**
 * Two earlier decisions in #playground, made as the app records them (the same repositories): in
 * November the team chose Flask against the recommendation; in December a new recommendation was
 * decided, which superseded it. Then the recommendation the pictures posted is proposed, as posting it
 * does once proposals ship. The log then shows one decision of each status.
 */
async function seedDecisions(playground: RunningPlayground): Promise<void> {
  const { database } = playground;
  const team = WORKSPACE.team.id;
  const channel = WORKSPACE.channel.id;
  const me = WORKSPACE.user.id;
  const earlier = [
    {
      ts: "1762164000.000100",
      answers: { project_type: "internal_tool", size: "medium", experience: "flask" },
      needs: ["admin", "auth"],
      verdict: "django" as const,
      decided: "flask" as const,
      at: Date.UTC(2025, 10, 4, 15),
      reason: "We already run two Flask services.",
    },
    {
      ts: "1765188000.000100",
      answers: { project_type: "microservice", size: "tiny", experience: "python" },
      needs: [],
      verdict: "flask" as const,
      decided: "flask" as const,
      at: Date.UTC(2025, 11, 9, 11),
      reason: null,
    },
  ];
  const k = getKnowledge();
  for (const d of earlier) {
    seedingAt = Math.round(Number(d.ts) * 1000);
    const rec = recommend(toProfile({ answers: d.answers, needs: d.needs, notes: "" }, k), k);
    if (rec.verdict !== d.verdict)
      throw new Error(`the seed expects ${d.verdict}; the engine says ${rec.verdict}`);
    await database.recommendations.upsert({
      teamId: team,
      channelId: channel,
      messageTs: d.ts,
      userId: me,
      answers: rec.profile.answers,
      needs: rec.profile.needs,
      notes: "",
      verdict: rec.verdict,
      scores: rec.scores,
      confidence: rec.confidence.share,
      knowledgeVersion: rec.knowledgeVersion,
    });
    await database.decisions.propose({
      teamId: team,
      channelId: channel,
      messageTs: d.ts,
      askedBy: me,
      recommended: d.verdict,
    });
    seedingAt = d.at;
    await database.decisions.decide({
      teamId: team,
      channelId: channel,
      messageTs: d.ts,
      userId: me,
      framework: d.decided,
      reason: d.reason,
    });
  }
  seedingAt = undefined;
  const [posted] = await database.recommendations.listByTeam(team, { limit: 1 });
  if (!posted) throw new Error("the pictures' recommendation was not stored");
  await database.decisions.propose({
    teamId: team,
    channelId: channel,
    messageTs: posted.messageTs,
    askedBy: posted.userId,
    recommended: posted.verdict,
  });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // A fixed time of day (then real seconds), so the timestamps in the pictures are the same every run.
  const started = Date.now();
  const now = () => seedingAt ?? Date.UTC(2026, 0, 15, 10, 30) + (Date.now() - started);
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
    await page.locator("#pane-close").click();

    // App Home: the team's decisions and who may decide; then one exported as the channel's canvas.
    await seedDecisions(playground);
    const home = await openHome(page);
    const rows = home.locator(".block-section", { has: page.locator("button[data-action-id=export_adr]") });
    await rows.nth(2).waitFor({ timeout: 15_000 });
    const setting = home.locator(".block-context", { hasText: "You can change this" });
    await shootAround(
      page,
      [home.locator(`.block[data-block-id="home_decision_log"]`), setting],
      "decision-log.png",
    );
    await page.setViewportSize({ width: 1200, height: 1500 });
    const canvas = await exportToCanvas(page, rows.nth(2));
    await shootAround(page, [canvas], "adr-canvas.png");
  } finally {
    await browser.close();
    await playground.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
