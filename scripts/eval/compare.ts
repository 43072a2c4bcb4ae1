import type { Knowledge } from "../../src/engine/index.js";

/** The pipeline comparison; filled in with the classifier experiments. */
export async function compare(_knowledge: Knowledge, _args: readonly string[]): Promise<void> {}
