/**
 * End to end in a real browser: headless Chromium drives the playground page, which drives the real
 * Bolt app through signed requests, which talks to the stand-in for Slack's Web API. If Chromium is
 * missing this fails (with how to install it) rather than skipping: .ci/run installs it.
 */
import { Writable } from "node:stream";
import pino from "pino";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actAs,
  answerLargeWithAdmin,
  askInPane,
  askInThread,
  exportToCanvas,
  launchChromium,
  openAgentPane,
  openHome,
  openQuestionnaire,
  sendInChannel,
  submitAndWaitForRecommendation,
} from "../../scripts/playground-browser.js";
import { type RunningPlayground, startPlayground } from "../../src/playground/index.js";

const logs: Array<{ level: number; msg?: string }> = [];
const logger = pino(
  { level: "warn" },
  new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      cb();
    },
  }),
);

let playground: RunningPlayground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  playground = await startPlayground({ port: 0, logger });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(playground.url);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

describe("the playground in Chromium", () => {
  it("runs the command, submits the modal, shows the recommendation and answers in its thread", async () => {
    const modal = await openQuestionnaire(page);
    // Every input kind the modal uses is a real form control.
    expect(await modal.locator("select[data-input-type=static_select]").count()).toBeGreaterThan(0);
    expect(await modal.locator("[data-input-type=radio_buttons]").count()).toBeGreaterThan(0);
    expect(await modal.locator("[data-input-type=multi_static_select]").count()).toBe(1);
    expect(await modal.locator("textarea[data-input-type=plain_text_input]").count()).toBe(1);
    await answerLargeWithAdmin(modal);

    const message = await submitAndWaitForRecommendation(page, modal);
    await expect
      .poll(() => message.locator(".block-header").textContent())
      .toMatch(/Django is the better fit/);
    // mrkdwn is rendered (bold, links, emoji), and the message's buttons and select are there.
    expect(await message.locator(".block-section b").count()).toBeGreaterThan(0);
    expect(await message.locator('a[href^="https://"]').count()).toBeGreaterThan(0);
    expect(await message.locator("button[data-action-id=show_details]").count()).toBe(1);
    expect(await message.locator("button[data-action-id=edit_answers]").count()).toBe(1);
    expect(await message.locator("select[data-action-id=ask_feature]").count()).toBe(1);
    expect(await page.locator(".unsupported").count()).toBe(0);

    // At 800 px the whole message, buttons included, fits on the first screen.
    await page.setViewportSize({ width: 800, height: 800 });
    await message.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const top = (await message.boundingBox())?.y ?? 0;
    const buttons = await message.locator(".block-actions").last().boundingBox();
    expect(buttons, "the message has its buttons").not.toBeNull();
    expect((buttons?.y ?? 0) + (buttons?.height ?? 0) - top).toBeLessThanOrEqual(800);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Details: the pros and cons for this project, with their sources, in a view.
    await message.locator("button[data-action-id=show_details]").click();
    const details = page.getByRole("dialog", { name: "Recommendation details" });
    await details.waitFor({ timeout: 15_000 });
    expect(await details.textContent()).toContain("\u2705");
    expect(await details.textContent()).toContain("Django for this project");
    await details.locator("footer [data-modal-close]").click();
    await details.waitFor({ state: "hidden", timeout: 15_000 });

    const answer = await askInThread(page, message, "what about the admin?");
    const text = (await answer.textContent()) ?? "";
    expect(text).toMatch(/Admin panel/);
    expect(text).toMatch(/Django/);
    expect(text).toContain("For your project");
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 30_000);

  it("shows a command's ephemeral answer, and App Home", async () => {
    await sendInChannel(page, "/flask-or-django migrations");
    const ephemeral = page.locator("#messages article.message.ephemeral").last();
    await ephemeral.waitFor({ timeout: 10_000 });
    expect(await ephemeral.textContent()).toContain("Only visible to you");

    await page.getByRole("button", { name: "flask-or-django", exact: true }).click();
    const home = page.locator("#home .block-header");
    await home.waitFor({ timeout: 10_000 });
    expect(await home.textContent()).toContain("Flask or Django?");
    await page
      .locator("#home")
      .getByRole("button", { name: /Open the questions/ })
      .click();
    await page
      .getByRole("dialog")
      .getByText("Where should I post the recommendation?")
      .waitFor({ timeout: 10_000 });
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 30_000);

  it("opens the agent pane beside the channel: prompts, an answer, the thread's title, a button to the questions", async () => {
    // The test before leaves App Home's form open: close it, back to the channel.
    if (await page.locator("#overlay").isVisible()) {
      await page.keyboard.press("Escape");
      await page.locator("#overlay").waitFor({ state: "hidden", timeout: 10_000 });
    }
    await page.locator("[data-tab=channel]").click();
    const pane = await openAgentPane(page);
    // The first test posted a recommendation in #playground: the greeting names it.
    expect(await pane.locator("article.message").first().textContent()).toContain("latest recommendation in");
    const prompts = pane.locator(".agent-prompts .prompt");
    await prompts.first().waitFor({ timeout: 10_000 });
    expect(await prompts.allTextContents()).toEqual([
      "Compare Flask and Django for my project",
      "What about async?",
      "Show our team's decisions",
      "What can you answer?",
    ]);

    const answer = await askInPane(pane, "What about async?", "prompt");
    expect(await answer.textContent()).toMatch(/Async/);
    await expect
      .poll(() => pane.locator("#pane-title").textContent())
      .toBe("Async and websockets: Flask or Django");
    // Once the person has written, the prompts go, and the status is cleared by the reply.
    expect(await prompts.count()).toBe(0);
    expect(await pane.locator("#pane-status").textContent()).toBe("");

    const why = await askInPane(pane, "why not flask?");
    expect(await why.textContent()).toContain("What counts against Flask");

    const take = await askInPane(pane, "flask or django for a small online shop?");
    expect(await take.textContent()).toContain("Quick take");
    await take.locator("button[data-action-id=pane_prefill_questionnaire]").click();
    const modal = page.getByRole("dialog", { name: "Flask or Django?" });
    await modal.waitFor({ timeout: 10_000 });
    // Prefilled with what the sentence said, and asking where to post (not the pane's DM).
    expect(await modal.locator('select[name="q_project_type"]').inputValue()).toBe("ecommerce");
    expect(await modal.textContent()).toContain("Where should I post the recommendation?");
    await modal.locator("header [data-modal-close]").click();
    await modal.waitFor({ state: "hidden", timeout: 10_000 });
    expect(await page.locator(".unsupported").count()).toBe(0);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 30_000);

  it("App Home lists the team's decisions, and Export as ADR shows the record as the channel's canvas", async () => {
    if (await page.locator("#overlay").isVisible()) {
      await page.keyboard.press("Escape");
      await page.locator("#overlay").waitFor({ state: "hidden", timeout: 10_000 });
    }
    // The first test's recommendation: posting it proposed it as a decision.
    const home = await openHome(page);
    const row = home.locator(".block-section", { has: page.locator("button[data-action-id=export_adr]") });
    await row.first().waitFor({ timeout: 10_000 });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("Proposed: Django recommended");
    expect(await home.textContent()).toContain("Who may mark a recommendation as decided");

    const canvas = await exportToCanvas(page, row);
    expect(await canvas.locator("h3").allTextContents()).toContain("Decision Outcome");
    expect(await canvas.locator("#canvas-title").textContent()).toMatch(/^Use Django for /);
    // The channel's header now offers its canvas.
    expect(await page.locator("#canvas-open").isVisible()).toBe(true);
    expect(await page.locator(".unsupported").count()).toBe(0);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 30_000);

  it("lets the page switch who is typing: a teammate adds their own view, two people vote, the asker decides", async () => {
    if (await page.locator("#pane").isVisible()) await page.locator("#pane-close").click();
    await page.locator("[data-tab=channel]").click();
    // The recommendation the first test posted (as "You"): large, with an admin, so Django.
    const message = page.locator("#messages article.message", { has: page.locator(".block-header") }).first();

    await actAs(page, "Ann");
    await message.locator("button[data-action-id=add_view]").click();
    const form = page.getByRole("dialog", { name: "Your view" });
    await form.waitFor({ timeout: 15_000 });
    expect(await form.textContent()).toContain("Theirs stay as they are");
    await form.getByRole("radio", { name: /^Small/ }).check();
    await form.locator('select[name="q_experience"]').selectOption("flask");
    await form.getByRole("button", { name: "Save my view" }).click();
    await form.waitFor({ state: "hidden", timeout: 15_000 });
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toContain("Own answers:");
    const views = (await message.textContent()) ?? "";
    expect(views).toContain("@you (asked)");
    expect(views).toMatch(/@ann differs on /);

    await message.getByRole("button", { name: "Vote for Django" }).click();
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toContain("1 agree: @ann");
    await actAs(page, "Bob");
    expect(await message.locator("button[data-action-id=vote_pick_other]").textContent()).toBe(
      "I'd pick Flask",
    );
    await message.getByRole("button", { name: "Vote for Flask instead" }).click();
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toContain("1 would pick Flask: @bob");

    // Bob may not decide (only the asker, by default): he is told so, only he sees it.
    await message.getByRole("button", { name: "Record what the team chose" }).click();
    const note = page.locator("#messages article.message.ephemeral", {
      hasText: "can mark this recommendation as decided",
    });
    await note.waitFor({ timeout: 15_000 });
    await actAs(page, "You");
    // Only Bob saw it: gone once the page has redrawn for "You".
    await expect.poll(() => note.count(), { timeout: 15_000 }).toBe(0);

    await message.getByRole("button", { name: "Record what the team chose" }).click();
    const decide = page.getByRole("dialog", { name: "Mark as decided" });
    await decide.waitFor({ timeout: 15_000 });
    await decide.locator('select[name="decide_revisit"]').selectOption("3");
    await decide.getByRole("button", { name: "Decide" }).click();
    await decide.waitFor({ state: "hidden", timeout: 15_000 });
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toContain("Decided: Django by @you");
    expect(await message.locator("button[data-action-id=cancel_reminder]").count()).toBe(1);
    // The reminder waits in the recommendation's thread, scheduled with Slack.
    await message.getByRole("button", { name: /repl|Reply in thread/ }).click();
    await page.locator("#thread .scheduled").waitFor({ timeout: 15_000 });
    expect(await page.locator("#thread .scheduled").textContent()).toContain("Time to revisit");
    expect(await page.locator(".unsupported").count()).toBe(0);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 60_000);
});
