import type { Logger } from "pino";

interface Ids {
  team?: string;
  user?: string;
  channel?: string;
}

const str = (v: unknown) => (typeof v === "string" && v.length < 40 ? v : undefined);

/** The team, user and channel ids of any Slack request body (command, interaction or event). */
export function requestIds(body: unknown): Ids {
  const b = (body ?? {}) as Record<string, unknown>;
  const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
  const event = obj(b.event);
  const ids: Ids = {
    team: str(b.team_id) ?? str(obj(b.team).id) ?? str(event.team),
    user: str(b.user_id) ?? str(obj(b.user).id) ?? str(event.user),
    channel:
      str(b.channel_id) ??
      str(obj(b.channel).id) ??
      str(event.channel) ??
      str(obj(obj(b.container)).channel_id),
  };
  return Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined)) as Ids;
}

/** A child logger whose lines carry the request's ids. */
export function requestLogger(base: Logger, body: unknown): Logger {
  return base.child(requestIds(body));
}
