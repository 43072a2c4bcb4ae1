/**
 * Every surface the question-answering builds stays within Block Kit's limits (issue 4): feature
 * answers for every feature with and without a project, help, topics, unknown-question answers for
 * long odd inputs, the Home tab, and the modal with its destination picker.
 */
import { describe, expect, it } from "vitest";
import { defaultProfile, getKnowledge, type ProjectProfile, toProfile } from "../../src/engine/index.js";
import { helpBlocks, topicsBlocks, unknownQuestionBlocks } from "../../src/slack/blocks/help.js";
import { homeView } from "../../src/slack/blocks/home.js";
import { questionnaireView } from "../../src/slack/blocks/questionnaire.js";
import { encodeModalContext } from "../../src/slack/services/codecs.js";
import { answerFor, featureAnswer } from "../../src/slack/services/compose-answer.js";
import { messageViolations, viewViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { type ApiCall, apiFixture, buildTestApp, mockApi, send } from "../helpers/slack-app.js";
import { loadFixture } from "../helpers/slack-request.js";

const k = getKnowledge();

isolateNetwork();

const allNeeds = (): ProjectProfile =>
  toProfile(
    {
      needs: k.needFeatures.map((f) => f.id),
      notes: "n".repeat(k.notesQuestion.maxLength ?? 1000),
    },
    k,
  );

const profiles: Array<[string, ProjectProfile | undefined]> = [
  ["no project", undefined],
  ["default answers", defaultProfile(k)],
  ["every need", allNeeds()],
  ...(k.singleQuestions
    .find((q) => q.id === "database")
    ?.options.map((o): [string, ProjectProfile] => [
      `database ${o.value}`,
      toProfile({ answers: { database: o.value } }, k),
    ]) ?? []),
];

/** Odd things people type: long, markup-heavy, emoji, escapes, newlines, whitespace. */
const ODD_INPUTS = [
  "x".repeat(5000),
  "<".repeat(4000),
  "&".repeat(4000),
  "😀".repeat(2500),
  `${"a\u0301".repeat(1500)}?`,
  `${"<!channel> <@U0BADBAD1> <https://evil.example|click> ".repeat(80)}?`,
  `${"*_~`>".repeat(800)}?`,
  `${"\n".repeat(500)}what?${"\n".repeat(500)}`,
  `why ${"supercalifragilistic".repeat(200)}`,
  "   ?   ",
];

function expectValidMessage(message: { text?: unknown; blocks?: unknown } | undefined): void {
  expect(message).toBeDefined();
  expect(messageViolations(message as Json)).toEqual([]);
}

describe("feature answers", () => {
  const _others = k.features.slice(0, 8).map((f) => ({ featureId: f.id, title: f.title, score: 0.9 }));

  for (const f of k.features) {
    it(`${f.id}: every profile, with and without the extras`, () => {
      for (const [, profile] of profiles) {
        for (const noProject of [true, false]) {
          expectValidMessage(featureAnswer(k, f.id, { noProject, ...(profile ? { profile } : {}) }));
          expectValidMessage(
            featureAnswer(k, f.id, {
              noProject,
              question: ODD_INPUTS[5] as string,
              ...(profile ? { profile } : {}),
            }),
          );
          f.myths.forEach((_m, mythIndex) => {
            expectValidMessage(
              featureAnswer(k, f.id, {
                noProject,
                mythIndex,
                question: "x".repeat(3000),
                ...(profile ? { profile } : {}),
              }),
            );
          });
        }
      }
    });
  }

  it("offers at most three did-you-mean buttons, each within the limits", () => {
    const answer = answerFor(k, { text: "what about the page stuff?", addressed: true, noProject: true });
    expectValidMessage(answer);
    const buttons = (answer?.blocks ?? []).flatMap((b) =>
      b.type === "actions" ? (b.elements as unknown as Json[]) : [],
    );
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
  });
});

describe("help, topics and unknown questions", () => {
  it("help, with and without the button, and the topics", () => {
    expectValidMessage({ text: "help", blocks: helpBlocks(k, true) });
    expectValidMessage({ text: "help", blocks: helpBlocks(k, false) });
    expectValidMessage({ text: "topics", blocks: topicsBlocks(k) });
  });

  it.each(ODD_INPUTS.map((input, i) => [i, input] as const))(
    "unknown-question answers for odd input #%i",
    (_i, input) => {
      expectValidMessage({
        text: "I don't know that one yet.",
        blocks: unknownQuestionBlocks(k, input),
      });
      for (const addressed of [true, false]) {
        for (const noProject of [true, false]) {
          const answer = answerFor(k, {
            text: input,
            addressed,
            noProject,
          });
          if (answer) expectValidMessage(answer);
        }
      }
    },
  );

  it("posts valid messages for odd mentions and thread replies through the app", async () => {
    const { app, deps } = await buildTestApp();
    deps.threads.remember("C07QF9S3K2L", "1732384472.318669", {
      verdict: "django",
      scores: { flask: 20, django: 80 },
      answers: {},
      needs: ["admin"],
      notes: "",
    });
    const posts: ApiCall[] = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"), 1000);
    const mention = loadFixture<Json>("inbound/event_app_mention_in_thread.json");
    for (const [i, input] of ODD_INPUTS.entries()) {
      const ts = `1732384650.${String(900000 + i)}`;
      await send(app, {
        ...mention,
        event_id: `Ev0ASKBK${i}`,
        event: { ...(mention.event as Json), ts, event_ts: ts, text: `<@U07R3MZ1B4K> ${input}` },
      });
    }
    expect(posts).toHaveLength(ODD_INPUTS.length);
    for (const p of posts) expectValidMessage(p);
  });
});

describe("views", () => {
  it("the Home tab", () => {
    expect(viewViolations(homeView(k) as unknown as Json)).toEqual([]);
  });

  it("the modal with the destination picker, new and prefilled", () => {
    const privateMetadata = encodeModalContext({ user: "U05HV6XQ1AB" });
    for (const initial of [undefined, defaultProfile(k), allNeeds()]) {
      for (const editing of [false, true]) {
        const view = questionnaireView({
          knowledge: k,
          privateMetadata,
          askDestination: true,
          editing,
          ...(initial ? { initial } : {}),
        });
        expect(viewViolations(view as unknown as Json)).toEqual([]);
        expect(view.blocks.some((b) => b.block_id === "q_destination")).toBe(true);
      }
    }
  });

  it("the modal the app opens from the shortcut", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    await send(app, {
      type: "shortcut",
      token: "kXq3ZpT9wR2mLb7VnJ4sYc8e",
      action_ts: "1732384999.123456",
      team: { id: "T07QDKX2N5M", domain: "acme-eng" },
      user: { id: "U05HV6XQ1AB", username: "alice.nguyen", team_id: "T07QDKX2N5M" },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: "compare_frameworks",
      trigger_id: "8034600012345.7830312345678.0123456789abcdef0123456789abcdef",
    });
    expect(opens).toHaveLength(1);
    expect(viewViolations(opens[0]?.view as Json)).toEqual([]);
  });
});
