import type { StatusFilter } from "../blocks/decision-log.js";
import { Lru } from "./lru.js";

/** A Home tab as this process last published it for one person. */
export interface PublishedHome {
  /** views.publish's answer: the hash a later publish passes, so it cannot undo a newer tab. */
  hash?: string;
  filter: StatusFilter;
  notice?: string;
}

/**
 * What this process last published on each person's Home tab. When a publish is refused because the tab
 * changed since the request saw it (`hash_conflict`), the tab is published again from this: the newer
 * filter and notice kept, unless the request changes them itself.
 */
export class PublishedHomes {
  private readonly tabs = new Lru<string, PublishedHome>(5000);

  get(teamId: string, user: string): PublishedHome | undefined {
    return this.tabs.get(`${teamId}:${user}`);
  }

  set(teamId: string, user: string, home: PublishedHome): void {
    this.tabs.set(`${teamId}:${user}`, home);
  }
}
