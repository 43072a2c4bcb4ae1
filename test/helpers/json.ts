/** A JSON object as the tests handle it: a Slack payload, Web API arguments, a block. */
export type Json = Record<string, unknown>;
