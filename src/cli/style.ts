/** Minimal terminal styling: plain text unless writing to a colour terminal without NO_COLOR. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export const PLAIN: Style = { bold: plain, dim: plain, accent: plain };
const COLOR: Style = { bold: wrap(1, 22), dim: wrap(2, 22), accent: wrap(36, 39) };

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const noColor = (env.NO_COLOR ?? "") !== "" || env.TERM === "dumb";
  return stream.isTTY === true && !noColor ? COLOR : PLAIN;
}
