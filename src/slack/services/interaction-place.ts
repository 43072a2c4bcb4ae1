/** Where an interaction happened: its channel, the message it was on, and that message's thread. */
export interface InteractionPlace {
  channel: string;
  messageTs: string;
  /** The thread to answer in: the message's thread, or the message itself when it starts one. */
  threadTs: string;
}

interface InteractionBody {
  channel?: { id?: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string };
  message?: { ts?: string; thread_ts?: string };
}

/** The channel and message of a block action, or undefined when it was not on a message (a modal, Home). */
export function interactionPlace(body: InteractionBody): InteractionPlace | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const messageTs = body.message?.ts ?? body.container?.message_ts;
  if (!channel || !messageTs) return undefined;
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts ?? messageTs;
  return { channel, messageTs, threadTs };
}
