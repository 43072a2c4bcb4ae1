/** Types for mrkdwn.js (plain browser JavaScript, also imported by the tests). */
export declare const EMOJI: Record<string, string>;
export declare function escapeHtml(text: unknown): string;
export declare function emojify(html: string): string;
export declare function plainText(text: string | undefined, emoji?: boolean): string;
export declare function mrkdwn(text: string | undefined, names?: Record<string, string>): string;
export declare function safeHttpUrl(raw: string): string | undefined;
