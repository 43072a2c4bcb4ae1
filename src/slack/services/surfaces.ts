import type { Knowledge } from "../../engine/index.js";
import type { Deps } from "../deps.js";
import { AssistantContextStore, MemoryThreadContexts } from "./assistant-threads.js";
import { ChannelRecommendations, MemoryLatestRecommendations } from "./latest-recommendations.js";

/**
 * What the agent side pane and the workflow step share with the rest of the app, in memory. A database
 * replaces the two memory stores (`ThreadContextBackend`, `LatestRecommendationStore`) without touching
 * the listeners.
 */
export function surfaceDeps(knowledge: Knowledge): Pick<Deps, "paneContexts" | "recommendations"> {
  return {
    paneContexts: new AssistantContextStore(new MemoryThreadContexts()),
    recommendations: new ChannelRecommendations(new MemoryLatestRecommendations(), knowledge),
  };
}
