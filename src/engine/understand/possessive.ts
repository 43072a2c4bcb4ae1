/**
 * Who owns a thing in a message: the words before "'s" ("the data team's", "sanic's author"). The words
 * lose the apostrophe ("teams", or "sanic"), so the owners are read from the text itself.
 */

/** Words before "'s" that own nothing: "it's", "that's", "what's", "let's". */
const NO_OWNER = new Set(["it", "that", "what", "who", "there", "here", "let", "he", "she", "where", "how"]);

/** The last text read and its owners: several rules ask of the same message. */
let last: { text: string; owners: readonly string[] } | undefined;

/** The owners in `text`, lowercased, in order ("express.js's" keeps its dot). */
export function ownersIn(text: string): readonly string[] {
  if (last?.text === text) return last.owners;
  const owners =
    text.includes("'") || text.includes("’")
      ? [...text.toLowerCase().matchAll(/([a-z][\w.]*)['’]s\b/g)]
          .map((m) => m[1] as string)
          .filter((o) => !NO_OWNER.has(o))
      : [];
  last = { text, owners };
  return owners;
}
