import type { Knowledge, Question } from "../../engine/index.js";
import { IDS } from "../ids.js";
import {
  type InputElement,
  type KnownBlock,
  type ModalView,
  mrkdwn,
  type PlainTextOption,
  plain,
} from "./kit.js";
import { LIMITS } from "./limits.js";
import { truncate } from "./text.js";

/** Answers to show already chosen: all of them (Edit answers) or some (a quick take's reading). */
export interface Prefill {
  answers: Readonly<Record<string, string | undefined>>;
  needs: readonly string[];
  notes: string;
}

export interface QuestionnaireModel {
  knowledge: Knowledge;
  /** Answers to prefill; nothing is chosen otherwise. */
  initial?: Prefill;
  /** Opaque, already-encoded context that comes back on submission. */
  privateMetadata: string;
  /** Ask where to post (App Home, shortcut): there is no channel to assume. */
  askDestination: boolean;
  editing: boolean;
  /**
   * A teammate's own view of someone else's recommendation: the asker's user id. The form then says
   * whose answers these are (the person's own; the asker's stay as they are).
   */
  viewOf?: string;
}

function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: plain(truncate(text, LIMITS.optionText)),
    value,
    ...(description ? { description: plain(truncate(description, LIMITS.optionText)) } : {}),
  };
}

const defaultBlocks = new WeakMap<Knowledge, Map<boolean, readonly KnownBlock[]>>();

/**
 * The modal's blocks. Without answers to prefill they depend only on the knowledge base, so they are
 * built once per shape and shared (Block Kit objects are only ever serialised, never changed).
 */
function questionBlocks(
  knowledge: Knowledge,
  initial: Prefill | undefined,
  askDestination: boolean,
): readonly KnownBlock[] {
  if (initial) return buildQuestionBlocks(knowledge, initial, askDestination);
  let byShape = defaultBlocks.get(knowledge);
  if (!byShape) {
    byShape = new Map();
    defaultBlocks.set(knowledge, byShape);
  }
  let blocks = byShape.get(askDestination);
  if (!blocks) {
    blocks = buildQuestionBlocks(knowledge, undefined, askDestination);
    byShape.set(askDestination, blocks);
  }
  return blocks;
}

/** The input element for one question: its kind decides the Block Kit element. */
function inputElement(knowledge: Knowledge, q: Question, initial: Prefill | undefined): InputElement {
  if (q.kind === "single") {
    const options = q.options.map((o) => option(o.label, o.value, o.description));
    // Nothing is chosen for the person: a form sent untouched must not stand for answers nobody gave.
    const chosen = initial?.answers[q.id];
    const initial_option = options.find((o) => o.value === chosen);
    // Short lists read best as radio buttons; longer ones as a select.
    if (q.options.length <= Math.min(4, LIMITS.radioOptions)) {
      return {
        type: "radio_buttons",
        action_id: IDS.inputAction,
        options,
        ...(initial_option ? { initial_option } : {}),
      };
    }
    return {
      type: "static_select",
      action_id: IDS.inputAction,
      placeholder: plain("Choose one"),
      options: options.slice(0, LIMITS.staticOptions),
      ...(initial_option ? { initial_option } : {}),
    };
  }
  if (q.kind === "multi") {
    const options = knowledge.needFeatures.map((f) => option(f.need.label, f.id));
    const chosen = new Set(initial?.needs ?? []);
    const initial_options = options.filter((o) => chosen.has(o.value ?? ""));
    return {
      type: "multi_static_select",
      action_id: IDS.inputAction,
      placeholder: plain("Choose features"),
      options: options.slice(0, LIMITS.staticOptions),
      ...(initial_options.length > 0 ? { initial_options } : {}),
    };
  }
  return {
    type: "plain_text_input",
    action_id: IDS.inputAction,
    multiline: true,
    max_length: q.maxLength,
    placeholder: plain(truncate(q.placeholder, LIMITS.placeholder)),
    ...(initial?.notes ? { initial_value: initial.notes.slice(0, q.maxLength) } : {}),
  };
}

function buildQuestionBlocks(
  knowledge: Knowledge,
  initial: Prefill | undefined,
  askDestination: boolean,
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: mrkdwn(
        "Answer a few questions about your project and I'll compare Flask and Django for it, with the reasons and sources.",
      ),
    },
  ];
  if (askDestination) {
    blocks.push({
      type: "input",
      block_id: IDS.destinationBlock,
      label: plain("Where should I post the recommendation?"),
      hint: plain("A channel I'm in, or a direct message. Its thread will take questions about features."),
      element: {
        type: "conversations_select",
        action_id: IDS.inputAction,
        default_to_current_conversation: true,
        filter: { include: ["public", "private", "im"], exclude_bot_users: true },
      },
    });
  }
  for (const q of knowledge.questions) {
    blocks.push({
      type: "input",
      block_id: IDS.questionBlock(q.id),
      // Single choices are required (Slack asks for one when missing); needs and notes may be left empty.
      ...(q.kind === "single" ? {} : { optional: true }),
      label: plain(q.label),
      hint: plain(q.help),
      element: inputElement(knowledge, q, initial),
    });
  }
  return blocks;
}

/** The modal that asks the questions from data/questions.json. */
export function questionnaireView(model: QuestionnaireModel): ModalView {
  const blocks = [...questionBlocks(model.knowledge, model.initial, model.askDestination)];
  if (model.viewOf) {
    // The intro, said for a teammate: their answers are their own, and change nobody else's.
    blocks[0] = {
      type: "section",
      text: mrkdwn(
        `Your own answers to the questions behind <@${model.viewOf}>'s recommendation. Theirs stay as they are: the message will show where you differ and whether that changes the outcome.`,
      ),
    };
  }
  return {
    type: "modal",
    callback_id: IDS.questionnaire,
    title: plain(model.viewOf ? "Your view" : model.editing ? "Edit your answers" : "Flask or Django?"),
    submit: plain(model.viewOf ? "Save my view" : model.editing ? "Update" : "Recommend"),
    close: plain("Cancel"),
    private_metadata: model.privateMetadata,
    blocks,
  };
}
