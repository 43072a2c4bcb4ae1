/**
 * Multi-step flows through the real app, for tests that need their outcome (a posted recommendation, its
 * metadata, its thread) rather than testing the flow itself: /flask-or-django → views.open → submit.
 */
import type { SlackApp } from "../../src/slack/app.js";
import { defaultOption } from "./default-answers.js";
import { apiFixture, mockApi, send } from "./slack-app.js";
import { loadFixture } from "./slack-request.js";

type Json = Record<string, unknown>;

/** The parts of the questions modal a submission is built from. */
export interface QuestionsModal {
  private_metadata?: string;
  blocks: Array<{ block_id?: string; element?: { type: string; initial_option?: unknown } }>;
}

/**
 * The modal's `state.values` as Slack sends it on submit: every question at the value it shows, `needs`
 * picked (a question with nothing shown takes its usual choice), empty notes, and `destination` in the destination picker (if the modal has one).
 */
export function questionnaireValues(
  view: QuestionsModal,
  needs: string[],
  destination: string | null = null,
): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (!b.block_id?.startsWith("q_") || !b.element) continue;
    const type = b.element.type;
    values[b.block_id] = {
      value:
        type === "conversations_select"
          ? { type, selected_conversation: destination }
          : type === "multi_static_select"
            ? { type, selected_options: needs.map((value) => ({ value })) }
            : type === "plain_text_input"
              ? { type, value: "" }
              : { type, selected_option: b.element.initial_option ?? defaultOption(b.block_id) },
    };
  }
  return values;
}

/**
 * Posts a recommendation through the real flow: /flask-or-django with no text (views.open answered once),
 * then the modal submitted at its defaults with these needs. The caller mocks chat.postMessage.
 * Returns what the submission was acked with.
 */
export async function submitQuestionnaire(app: SlackApp["app"], needs: string[]): Promise<unknown> {
  const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
  await send(app, { ...loadFixture<Record<string, string>>("inbound/slash_command.json"), text: "" });
  const view = opens[0]?.view as QuestionsModal;
  const submission = loadFixture<Json>("inbound/view_submission.json");
  return send(app, {
    ...submission,
    view: {
      ...(submission.view as Json),
      callback_id: "questionnaire",
      private_metadata: view.private_metadata,
      state: { values: questionnaireValues(view, needs) },
    },
  });
}
