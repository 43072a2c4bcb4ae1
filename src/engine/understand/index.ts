/** The understanding layer: from what people type to what they mean. */
export { HELP_WORDS } from "./commands.js";
export type { PipelineOptions } from "./options.js";
export type {
  DecisionTopic,
  FeatureScore,
  Intent,
  MythHit,
  QuickTake,
  UnderstandContext,
  Understanding,
} from "./types.js";
export {
  buildUnderstander,
  findNeedsInText,
  loadUnderstander,
  type Understander,
  understand,
  understandWith,
} from "./understand.js";
