/** Types for blocks.js (plain browser JavaScript, also imported by the tests). */
export interface RenderContext {
  names?: Record<string, string>;
  surface?: "message" | "modal" | "home";
  conversations?: Array<{ id: string; name: string }>;
  currentConversation?: string;
}
export declare function textObject(t: unknown, ctx: RenderContext): string;
export declare function renderBlocks(blocks: unknown[] | null | undefined, ctx?: RenderContext): string;
