import type { Logger } from "pino";
import type { InstallationRepository } from "../../storage/index.js";
import type { RevisitReminders, TeamCalls } from "./revisit-reminders.js";
import type { SlackApi } from "./slack-api.js";

/** How often waiting reminders are looked at: they wait months, and the horizon has two days' margin. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The Web API calls for a team outside any request: the one workspace's token, or (many workspaces)
 * the bot token of the team's installation, or its org's.
 */
export function teamCalls(
  api: SlackApi,
  log: Logger,
  installations: InstallationRepository | undefined,
): TeamCalls {
  return async ({ teamId, enterpriseId }) => {
    if (!installations) return api.forRequest(Date.now(), log);
    const targets = [
      { teamId, enterpriseId: enterpriseId ?? undefined, isEnterpriseInstall: false },
      ...(enterpriseId ? [{ teamId, enterpriseId, isEnterpriseInstall: true }] : []),
    ];
    for (const target of targets) {
      try {
        const token = (await installations.fetchInstallation(target)).bot?.token;
        if (token) return api.forRequest(Date.now(), log, undefined, token);
      } catch {
        // Not installed that way: try the next.
      }
    }
    return undefined;
  };
}

/** Runs the reminders' sweep at start and every hour after, until stopped. Per process; the sweep claims each reminder. */
export class ReminderSweep {
  private timer: NodeJS.Timeout | undefined;
  /** The sweep under way, if any: a tick while one runs joins it rather than overlapping it. */
  private running: Promise<number> | undefined;

  constructor(
    private readonly reminders: RevisitReminders,
    private readonly callsFor: TeamCalls,
    private readonly log: Logger,
    private readonly intervalMs = SWEEP_INTERVAL_MS,
  ) {}

  /**
   * One sweep now (or the one under way); resolves with how many reminders it handed to Slack (0 when
   * it failed: logged).
   */
  runOnce(): Promise<number> {
    if (this.running) return this.running;
    const run = this.reminders
      .sweep(this.callsFor, this.log)
      .catch((err: unknown) => {
        this.log.error({ err }, "the reminders' sweep failed");
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = run;
    return run;
  }

  start(): void {
    if (this.timer) return;
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
