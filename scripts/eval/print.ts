import type { Report } from "./scoring.js";
import { labelOf } from "./scoring.js";

/** A share rounded down, so that 215 of 239 (89.96%) never prints as the 90% target met. */
const pct = (right: number, total: number) =>
  `${(Math.floor((1000 * right) / Math.max(1, total)) / 10).toFixed(1)}%`;

export interface PrintOptions {
  /**
   * Print the texts of the missed items. Off by default: the held-out set is measured, never read
   * (test/eval/README.md), so its report shows figures only.
   */
  showMisses?: boolean;
}

/** The report as lines: overall, per intent, per label, confusion counts; the missed texts only when asked. */
export function printReport(
  title: string,
  r: Report,
  out: (line: string) => void = console.log,
  options: PrintOptions = {},
): void {
  out(`${title}: ${r.right}/${r.total} right (${pct(r.right, r.total)})`);
  out(
    `  false answers (feature or decision) on unknown items: ${r.falseAnswersOnUnknown} of ${r.unknownItems}`,
  );
  out("  per intent:");
  for (const [intent, row] of [...r.perIntent].sort()) {
    out(`    ${intent.padEnd(12)} ${`${row.right}/${row.total}`.padStart(7)}  ${pct(row.right, row.total)}`);
  }
  out("  per feature and topic:");
  for (const [label, row] of [...r.perLabel].sort()) {
    if (!label.includes(":")) continue;
    out(`    ${label.padEnd(34)} ${`${row.right}/${row.total}`.padStart(7)}  ${pct(row.right, row.total)}`);
  }
  out("  confusions (expected → got × times):");
  const pairs = [...r.confusions].flatMap(([e, row]) => [...row].map(([g, n]) => ({ e, g, n })));
  for (const { e, g, n } of pairs.sort((a, b) => b.n - a.n || a.e.localeCompare(b.e)).slice(0, 40)) {
    out(`    ${e} → ${g} × ${n}`);
  }
  if (!options.showMisses) {
    out(`  misses: ${r.misses.length} (texts not shown; --show-misses prints them)`);
    return;
  }
  out(`  misses (${r.misses.length}):`);
  for (const m of r.misses) {
    out(
      `    ${JSON.stringify(m.item.text)} (${m.item.where}): expected ${labelOf(m.item.expect)}, got ${labelOf(m.got)} ${m.got.score}${m.got.unsure ? " unsure" : ""}`,
    );
  }
}
