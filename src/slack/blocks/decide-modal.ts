import type { Knowledge, Verdict } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type KnownBlock, type ModalView, mrkdwn, plain } from "./kit.js";
import { verdictWords } from "./team-lines.js";

export interface DecideModalModel {
  knowledge: Knowledge;
  /** The recommendation's verdict: the framework chosen by default. */
  verdict: Verdict;
  askedBy: string;
  /** Months a reminder may be set for. */
  revisitMonths: readonly number[];
  /** The longest reason kept. */
  maxReason: number;
  privateMetadata: string;
}

/**
 * "Mark as decided": which framework the team chose (the verdict by default; the team may choose the
 * other, and the record says so), an optional reason, an optional reminder to revisit.
 */
export function decideModal(model: DecideModalModel): ModalView {
  const { knowledge, verdict } = model;
  const option = (id: "flask" | "django") => ({
    text: plain(knowledge.meta.frameworks[id].name),
    value: id,
  });
  const frameworks = [option("flask"), option("django")];
  const initial = frameworks.find((o) => o.value === verdict);
  const said =
    verdict === "either"
      ? "The recommendation was a toss-up."
      : `The recommendation said *${verdictWords(knowledge, verdict)}*.`;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: mrkdwn(
        `What did the team choose for <@${model.askedBy}>'s project? ${said} Choosing the other is fine: the record says so.`,
      ),
    },
    {
      type: "input",
      block_id: IDS.decideFramework,
      label: plain("The team chose"),
      element: {
        type: "radio_buttons",
        action_id: IDS.inputAction,
        options: frameworks,
        ...(initial ? { initial_option: initial } : {}),
      },
    },
    {
      type: "input",
      block_id: IDS.decideReason,
      optional: true,
      label: plain("Why"),
      element: {
        type: "plain_text_input",
        action_id: IDS.inputAction,
        multiline: true,
        max_length: model.maxReason,
        placeholder: plain("A sentence or two for the decision record"),
      },
    },
    {
      type: "input",
      block_id: IDS.decideRevisit,
      optional: true,
      label: plain("Remind us to revisit"),
      hint: plain("A message in this recommendation's thread, listing what would change the recommendation."),
      element: {
        type: "static_select",
        action_id: IDS.inputAction,
        placeholder: plain("No reminder"),
        options: model.revisitMonths.map((m) => ({ text: plain(`In ${m} months`), value: String(m) })),
      },
    },
  ];
  return {
    type: "modal",
    callback_id: IDS.decideModal,
    title: plain("Mark as decided"),
    submit: plain("Decide"),
    close: plain("Cancel"),
    private_metadata: model.privateMetadata,
    blocks,
  };
}
