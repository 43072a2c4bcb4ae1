import type {
  AllMiddlewareArgs,
  AssistantThreadStartedMiddleware,
  AssistantUserMessageMiddleware,
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

/** The agent side pane's listeners: Bolt's assistant arguments (say, setStatus, …) with our context. */
type Pane<Listener extends (args: never) => unknown> = Omit<Parameters<Listener>[0], "context"> &
  Pick<AllMiddlewareArgs<AppContext>, "context">;
export type PaneThreadStartedArgs = Pane<AssistantThreadStartedMiddleware>;
export type PaneUserMessageArgs = Pane<AssistantUserMessageMiddleware>;
