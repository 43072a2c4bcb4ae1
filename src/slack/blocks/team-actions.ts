import type { Knowledge, Verdict } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type Button, type KnownBlock, plain } from "./kit.js";
import { verdictWords } from "./team-lines.js";

export interface TeamActionsModel {
  verdict: Verdict;
  /** False once superseded: the message is history, and shows no team buttons. */
  open: boolean;
  /** Still proposed: "Mark as decided" shows. */
  decidable: boolean;
  /** The asker's answers (encodeAnswers), to prefill a teammate's form. */
  answersValue: string;
  /** A live revisit reminder: "Cancel reminder" shows; its value says which. */
  reminderValue?: string;
}

function button(actionId: string, text: string, value: string, label: string): Button {
  return { type: "button", action_id: actionId, text: plain(text), value, accessibility_label: label };
}

/** The team's buttons: add my own answers, vote, decide, cancel the reminder. None once superseded. */
export function teamActions(knowledge: Knowledge, model: TeamActionsModel): KnownBlock | undefined {
  if (!model.open) return undefined;
  const elements: Button[] = [
    button(IDS.addView, "Add my view", model.answersValue, "Give your own answers to these questions"),
  ];
  if (model.verdict !== "either") {
    // Each vote button names its framework: the vote keeps its meaning if an edit flips the verdict.
    const otherId = model.verdict === "flask" ? "django" : "flask";
    const other = verdictWords(knowledge, otherId);
    elements.push(
      button(IDS.voteAgree, "I agree", model.verdict, `Vote for ${verdictWords(knowledge, model.verdict)}`),
      button(IDS.votePickOther, `I'd pick ${other}`, otherId, `Vote for ${other} instead`),
    );
  }
  if (model.decidable)
    elements.push(button(IDS.markDecided, "Mark as decided", "decide", "Record what the team chose"));
  if (model.reminderValue)
    elements.push({
      ...button(IDS.cancelReminder, "Cancel reminder", model.reminderValue, "Cancel the reminder to revisit"),
      // Cancelling cannot be undone (a decision's reminder is set once): ask first.
      confirm: {
        title: plain("Cancel reminder?"),
        text: plain("No reminder will be posted."),
        confirm: plain("Cancel it"),
        deny: plain("Keep it"),
      },
    });
  return { type: "actions", block_id: IDS.teamActions, elements };
}
