import { IDS } from "../ids.js";
import { type Button, plain } from "./kit.js";

/** "Start a comparison": opens the questions modal, which then asks where to post (Home, help). */
export function startComparisonButton(value: string): Button {
  return {
    type: "button",
    action_id: IDS.openQuestionnaire,
    style: "primary",
    text: plain("Start a comparison"),
    value,
    accessibility_label: "Open the questions to compare Flask and Django for your project",
  };
}
