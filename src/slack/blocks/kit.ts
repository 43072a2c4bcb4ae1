import type { types } from "@slack/bolt";

/** The Block Kit types we build with, in one place. */
export type KnownBlock = types.KnownBlock;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
export type PlainTextOption = types.PlainTextOption;
export type Button = types.Button;
export type InputElement = types.InputBlockElement;
export type MessageMetadata = types.MessageMetadata;

export const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });
export const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text });
