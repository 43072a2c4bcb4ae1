/** Words that turn around what follows them: "no admin", "we don't need translations", "without caching". */
export const NEGATIONS: ReadonlySet<string> = new Set(
  "no not dont doesnt didnt isnt arent wont never nor none without neither cant skip nope".split(" "),
);
