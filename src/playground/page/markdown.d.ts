/** Types for markdown.js (plain browser JavaScript, also imported by the tests). */
export declare function renderMarkdown(markdown: string | undefined, names?: Record<string, string>): string;
