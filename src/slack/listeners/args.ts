import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  BlockStaticSelectAction,
  GlobalShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { AppContext } from "../context.js";

/** Bolt's own listener argument types, with our request context, named once for every listener. */
type With<Args> = AllMiddlewareArgs<AppContext> & Args;

export type CommandArgs = With<SlackCommandMiddlewareArgs>;
export type ButtonArgs = With<SlackActionMiddlewareArgs<BlockButtonAction>>;
export type StaticSelectArgs = With<SlackActionMiddlewareArgs<BlockStaticSelectAction>>;
export type GlobalShortcutArgs = With<SlackShortcutMiddlewareArgs<GlobalShortcut>>;
export type ViewSubmitArgs = With<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type EventArgs<Type extends string> = With<SlackEventMiddlewareArgs<Type>>;
