/**
 * Drives the playground in headless Chromium (Debian's `chromium` package, through playwright-core:
 * no browser download). Shared by the end-to-end test and `npm run screenshots`, so both walk the
 * same path a person would.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { getKnowledge } from "../src/engine/index.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Launches Chromium, or fails saying how to install it (never skips). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

const WAIT = { timeout: 15_000 };

/** Types into the channel's composer and sends, as a person would. */
export async function sendInChannel(page: Page, text: string): Promise<void> {
  const input = page.getByRole("textbox", { name: "Message #playground" });
  await input.fill(text);
  await input.press("Enter");
}

/** `/flask-or-django` → the modal, open and ready. */
export async function openQuestionnaire(page: Page): Promise<Locator> {
  await sendInChannel(page, "/flask-or-django");
  const modal = page.getByRole("dialog", { name: "Flask or Django?" });
  await modal.waitFor(WAIT);
  return modal;
}

/** Takes each question's usual choice where nothing is chosen yet (the form preselects nothing). */
export async function chooseUsualAnswers(modal: Locator): Promise<void> {
  for (const q of getKnowledge().singleQuestions) {
    const select = modal.locator(`select[name="q_${q.id}"]`);
    if ((await select.count()) > 0) {
      if ((await select.inputValue()) === "") await select.selectOption(q.default);
      continue;
    }
    const radios = modal.locator(`input[type=radio][name="q_${q.id}"]`);
    if ((await radios.locator(":scope:checked").count()) === 0) {
      await modal.locator(`input[type=radio][name="q_${q.id}"][value="${q.default}"]`).check();
    }
  }
}

/** A large project that needs an admin panel: the answers the README's pictures show. */
export async function answerLargeWithAdmin(modal: Locator): Promise<void> {
  await modal.getByRole("radio", { name: /^Large/ }).check();
  await chooseUsualAnswers(modal);
  await modal.getByRole("checkbox", { name: "Admin panel for staff" }).check();
  await modal.getByRole("checkbox", { name: "User accounts and login" }).check();
}

/** Submits the modal and waits for the recommendation message in the channel. */
export async function submitAndWaitForRecommendation(page: Page, modal: Locator): Promise<Locator> {
  await modal.getByRole("button", { name: "Recommend" }).click();
  await modal.waitFor({ state: "hidden", ...WAIT });
  const message = page.locator("#messages article.message", { has: page.locator(".block-header") }).last();
  await message.waitFor(WAIT);
  return message;
}

/** Opens the message's thread, asks a question there, and waits for the app's answer. */
export async function askInThread(page: Page, message: Locator, question: string): Promise<Locator> {
  await message.getByRole("button", { name: /Reply in thread|repl/ }).click();
  const thread = page.getByRole("complementary", { name: "Thread" });
  await thread.waitFor(WAIT);
  const before = await thread.locator("article.message").count();
  const input = thread.getByRole("textbox", { name: "Reply in thread" });
  await input.fill(question);
  await input.press("Enter");
  // The question, then the answer.
  const answer = thread.locator("article.message").nth(before + 1);
  await answer.waitFor(WAIT);
  return answer;
}

/** Opens the agent side pane beside #playground and waits for the app's greeting. */
export async function openAgentPane(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Open the flask-or-django agent pane" }).click();
  const pane = page.getByRole("complementary", { name: "flask-or-django agent pane" });
  await pane.locator("article.message").first().waitFor(WAIT);
  return pane;
}

/** Asks in the pane (typing, or clicking a suggested prompt with that text) and waits for the app's answer. */
export async function askInPane(
  pane: Locator,
  question: string,
  via: "type" | "prompt" = "type",
): Promise<Locator> {
  const before = await pane.locator("article.message").count();
  if (via === "prompt") await pane.getByRole("button", { name: question }).click();
  else {
    const input = pane.getByRole("textbox", { name: "Message flask-or-django" });
    await input.fill(question);
    await input.press("Enter");
  }
  // The question, then the answer.
  const answer = pane.locator("article.message").nth(before + 1);
  await answer.waitFor(WAIT);
  return answer;
}

/** Opens the app's Home tab from the sidebar and waits for it to be published. */
export async function openHome(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "flask-or-django", exact: true }).click();
  const home = page.locator("#home");
  await home.locator(".block-header").first().waitFor(WAIT);
  return home;
}

/**
 * Clicks "Export as ADR" on an App Home row, waits for the tab to say where it went, follows its link
 * and returns the canvas shown beside the channel.
 */
export async function exportToCanvas(page: Page, row: Locator): Promise<Locator> {
  await row.getByRole("button", { name: /Export this decision/ }).click();
  const open = page.locator("#home a", { hasText: "open it" });
  await open.waitFor(WAIT);
  await open.click();
  const canvas = page.getByRole("complementary", { name: "Canvas" });
  await canvas.locator("h3").first().waitFor(WAIT);
  return canvas;
}

/** Switches who is typing in the page (one channel, several people), once the page shows it. */
export async function actAs(page: Page, name: string): Promise<void> {
  const select = page.getByRole("combobox", { name: "Typing as" });
  const switched = page.waitForResponse((r) => r.url().endsWith("/playground/as"));
  await select.selectOption({ label: name });
  await switched;
  const chosen = page.locator("#as option:checked");
  for (let i = 0; i < 100 && (await chosen.textContent()) !== name; i++) await page.waitForTimeout(50);
}
