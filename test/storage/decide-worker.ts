/**
 * A second process for the decisions suite: opens DATABASE_URL (argv[2]) and decides every message ts
 * given after it (team T1, channel C1, as U1) at once; prints whether each succeeded, as JSON.
 */
import { openDatabase } from "../../src/storage/index.js";

const [url, ...messageTs] = process.argv.slice(2);
const database = await openDatabase(url);
try {
  const results = await Promise.all(
    messageTs.map((ts) =>
      database.decisions.decide({
        teamId: "T1",
        channelId: "C1",
        messageTs: ts,
        userId: "U1",
        framework: "django",
      }),
    ),
  );
  process.stdout.write(JSON.stringify(results.map((r) => r.ok)));
} finally {
  await database.close();
}
