/** The page's Block Kit renderer: safe mrkdwn, every block the app builds, and nothing silently dropped. */
import { describe, expect, it } from "vitest";
import { getKnowledge, parseProfile } from "../../src/engine/index.js";
import { renderBlocks } from "../../src/playground/page/blocks.js";
import { renderMarkdown } from "../../src/playground/page/markdown.js";
import { mrkdwn, plainText } from "../../src/playground/page/mrkdwn.js";
import { helpBlocks, topicsBlocks, unknownQuestionBlocks } from "../../src/slack/blocks/help.js";
import { homeView } from "../../src/slack/blocks/home.js";
import { questionnaireView } from "../../src/slack/blocks/questionnaire.js";
import { featureAnswer } from "../../src/slack/services/compose-answer.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";

const k = getKnowledge();
/** No tag may appear but the ones the renderer writes itself. */
const ALLOWED_TAGS = new Set([
  "a",
  "b",
  "i",
  "s",
  "code",
  "pre",
  "br",
  "span",
  "blockquote",
  "div",
  "h3",
  "hr",
  "button",
  "select",
  "option",
  "label",
  "input",
  "textarea",
]);
const tagsIn = (html: string) =>
  [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => (m[1] ?? "").toLowerCase());

describe("mrkdwn", () => {
  it("formats bold, italic, strike, code, links, mentions, emoji and newlines", () => {
    const html = mrkdwn(
      "*Flask*: _really_ ~no~ `pip install <x>`\n<https://docs.djangoproject.com/?a=1&amp;b=2|Django docs> <@U1> :white_check_mark:",
      { U1: "alice" },
    );
    expect(html).toBe(
      '<b>Flask</b>: <i>really</i> <s>no</s> <code>pip install &lt;x&gt;</code><br><a href="https://docs.djangoproject.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Django docs</a> <span class="mention">@alice</span> \u2705',
    );
  });

  it("shows a date as Slack does, in the reader's time zone, and its fallback for a format it does not know", () => {
    // Noon UTC: the same day in every time zone from UTC−11 to UTC+11.
    const noon = Date.UTC(2026, 10, 27, 12) / 1000;
    expect(mrkdwn(`on <!date^${noon}^{date_short}|2026-11-27>`)).toBe("on Nov 27, 2026");
    expect(mrkdwn(`on <!date^${noon}^{date_num}|2026-11-27>`)).toBe("on 2026-11-27");
    expect(mrkdwn(`on <!date^${noon}^{time_secs}|2026-11-27>`)).toBe("on 2026-11-27");
  });

  it("leaves snake_case words and lone markers alone", () => {
    expect(mrkdwn("use snake_case_names and 2*3*4")).toBe("use snake_case_names and 2*3*4");
  });

  it.each([
    "<script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<img src=x onerror=alert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;",
    '<https://example.com/"onmouseover="alert(1)|x>',
    "<https://example.com|<img src=x onerror=alert(1)>>",
    "*<b onclick=alert(1)>*",
    "`<script>` ```<iframe src=x>```",
    "\uE0000\uE000<script>",
  ])("never turns %j into HTML", (text) => {
    const html = mrkdwn(text);
    for (const tag of tagsIn(html)) expect(["a", "b", "i", "s", "code", "pre", "br", "span"]).toContain(tag);
    expect(html).not.toMatch(/<(script|img|iframe)/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
  });

  it("shows a channel mention by its label, else its known name, else its id", () => {
    expect(mrkdwn("in <#C0PLAYGRND|general>")).toBe('in <span class="mention">#general</span>');
    expect(mrkdwn("in <#C0PLAYGRND>", { C0PLAYGRND: "playground" })).toBe(
      'in <span class="mention">#playground</span>',
    );
    expect(mrkdwn("in <#C0OTHER>")).toBe('in <span class="mention">#C0OTHER</span>');
  });

  it("links only http and https URLs", () => {
    expect(mrkdwn("<javascript:alert(1)|click>")).toBe("click");
    expect(mrkdwn("<javascript:alert(1)>")).toBe("&lt;javascript:alert(1)&gt;");
    expect(mrkdwn("<data:text/html,hi|x>")).not.toContain("<a");
    expect(mrkdwn("<http://example.com>")).toContain('href="http://example.com/"');
  });

  it("escapes plain_text and turns its emoji shortcodes into emoji", () => {
    expect(plainText(":thumbsup: <b>Helpful</b>")).toBe("\ud83d\udc4d &lt;b&gt;Helpful&lt;/b&gt;");
    expect(plainText(":thumbsup:", false)).toBe(":thumbsup:");
  });
});

describe("canvas markdown", () => {
  it("renders headings, lists, quotes, bold, links and mentions, and escapes everything else", () => {
    const html = renderMarkdown(
      "* **Status:** accepted by ![](@U1)\n\n## Outcome <img src=x onerror=alert(1)>\n\n> quoted \\*not italic\\*\n\nSee [the docs](https://docs.djangoproject.com/) in ![](#C1), not [this](javascript:alert(1)) or <https://x.test/a>.\n",
      { U1: "ann", C1: "playground" },
    );
    expect(html).toBe(
      '<ul><li><b>Status:</b> accepted by <span class="mention">@ann</span></li></ul>' +
        "<h3>Outcome &lt;img src=x onerror=alert(1)&gt;</h3>" +
        "<blockquote>quoted *not italic*</blockquote>" +
        '<p>See <a href="https://docs.djangoproject.com/" target="_blank" rel="noopener noreferrer">the docs</a> in <span class="mention">#playground</span>, not [this](javascript:alert(1)) or <a href="https://x.test/a" target="_blank" rel="noopener noreferrer">https://x.test/a</a>.</p>',
    );
  });
});

describe("blocks", () => {
  it("shows an unknown block or element as a visible 'unsupported' box", () => {
    const html = renderBlocks([
      { type: "image", image_url: "https://x/y.png", alt_text: "<b>" },
      { type: "actions", elements: [{ type: "datepicker", action_id: "d" }] },
      { type: "context", elements: [{ type: "image", image_url: "x" }] },
      { type: "<script>" },
    ]);
    expect(html).toContain("unsupported block: image");
    expect(html).toContain("unsupported element: datepicker");
    expect(html).toContain("unsupported element: image");
    expect(html).toContain("unsupported block: &lt;script&gt;");
    expect(html).not.toContain("<script");
  });

  it("renders input blocks only inside modals", () => {
    const input = {
      type: "input",
      block_id: "b",
      label: { type: "plain_text", text: "L" },
      element: { type: "plain_text_input", action_id: "v" },
    };
    expect(renderBlocks([input], { surface: "message" })).toContain("unsupported block: input");
    expect(renderBlocks([input], { surface: "modal" })).toContain('<input class="input-text"');
  });

  const profile = parseProfile(
    { answers: { size: "large" }, needs: ["admin", "auth"], notes: "<script>x</script> & <@U1>" },
    k,
  );
  if (!profile.ok) throw new Error("test profile did not parse");
  const surfaces: Array<[string, unknown[], "message" | "modal" | "home"]> = [
    ["recommendation", recommendationMessage(k, profile.profile, "U0PLAYER01").message.blocks, "message"],
    [
      "feature answer",
      featureAnswer(k, "admin", { noProject: true, question: "<img onerror=x>" })?.blocks ?? [],
      "message",
    ],
    ["help", helpBlocks(k, true), "message"],
    ["topics", topicsBlocks(k), "message"],
    ["unknown question", unknownQuestionBlocks(k, "<b>?</b>"), "message"],
    ["home", homeView(k).blocks, "home"],
    [
      "home with the decision log and the setting",
      homeView(k, {
        notice: "Exported.",
        log: {
          filter: "decided",
          total: 1,
          all: 2,
          rows: [
            {
              channel: "C0PLAYGRND",
              messageTs: "1790000000.000100",
              status: "decided",
              recommended: "django",
              framework: "flask",
              askedBy: "U0PLAYER01",
              decidedBy: "U0PLAYER01",
              postedAt: 1790000000000,
              decidedAt: 1790000100000,
              link: "https://playground.slack.com/archives/C0PLAYGRND/p1790000000000100",
            },
          ],
        },
        settings: {
          whoMayDecide: "asker",
          updatedBy: null,
          updatedAt: null,
          canChange: true,
          changers: ["U0PLAYER01"],
          changersAre: "admins",
        },
      }).blocks,
      "home",
    ],
    [
      "questionnaire (every input kind)",
      questionnaireView({ knowledge: k, privateMetadata: "{}", askDestination: true, editing: false }).blocks,
      "modal",
    ],
    [
      "questionnaire (prefilled)",
      questionnaireView({
        knowledge: k,
        privateMetadata: "{}",
        askDestination: false,
        editing: true,
        initial: profile.profile,
      }).blocks,
      "modal",
    ],
  ];

  it.each(surfaces)("renders every block of the app's %s", (_name, blocks, surface) => {
    const html = renderBlocks(blocks, {
      surface,
      conversations: [{ id: "C1", name: "#playground" }],
      currentConversation: "C1",
    });
    expect(blocks.length).toBeGreaterThan(0);
    expect(html).not.toContain("unsupported");
    for (const tag of tagsIn(html)) expect(ALLOWED_TAGS).toContain(tag);
  });

  it("renders the questionnaire's inputs as form controls, prefilled", () => {
    const view = questionnaireView({
      knowledge: k,
      privateMetadata: "{}",
      askDestination: true,
      editing: true,
      initial: profile.profile,
    });
    const html = renderBlocks(view.blocks, {
      surface: "modal",
      conversations: [{ id: "C1", name: "#playground" }],
      currentConversation: "C1",
    });
    for (const type of [
      "static_select",
      "radio_buttons",
      "multi_static_select",
      "plain_text_input",
      "conversations_select",
    ]) {
      expect(html).toContain(`data-input-type="${type}"`);
    }
    expect(html).toMatch(/<input type="radio" name="q_size" value="large" checked>/);
    expect(html).toMatch(/<input type="checkbox" name="q_needs" value="admin" checked>/);
    expect(html).toContain('<option value="C1" selected>');
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
  });
});
