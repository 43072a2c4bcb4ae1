import type { AddOn, ExtensionHome, FrameworkSide, PackageRef, Provenance } from "./knowledge-schema.js";

/**
 * Where a capability comes from, in words: "built in (`django.contrib.admin`)",
 * "third-party package (Celery)", "pallets-eco extension (Flask-Admin)". A quality (performance,
 * the learning curve) has no label. Pure; the formatters let Slack turn names into links.
 */

export interface ProvenanceFormat {
  /** A module name, e.g. wrapped in backticks. */
  module(name: string): string;
  /** A package name, e.g. linked to its docs. */
  pkg(p: PackageRef): string;
}

export const PLAIN_FORMAT: ProvenanceFormat = {
  module: (name) => `\`${name}\``,
  pkg: (p) => p.name,
};

const HOME_WORDS: Record<ExtensionHome, [one: string, many: string]> = {
  "pallets-eco": ["pallets-eco extension", "pallets-eco extensions"],
  pallets: ["separate Pallets project", "separate Pallets projects"],
  django: ["official Django package, installed separately", "official Django packages, installed separately"],
};

/** "a pallets-eco extension", "a third-party package", "built in": the kind alone, for running text. */
export function kindWords(source: Provenance | AddOn): string {
  switch (source.kind) {
    case "built_in":
      return "built in";
    case "quality":
      return "";
    case "third_party":
      return source.packages.length > 1 ? "third-party packages" : "a third-party package";
    case "extension": {
      const homes = new Set(source.packages.map((p) => p.home));
      const home = source.packages[0]?.home ?? "pallets-eco";
      if (homes.size > 1) return "official or pallets-eco extensions";
      const [one, many] = HOME_WORDS[home];
      return source.packages.length > 1 ? many : `${/^[aeiou]/.test(one) ? "an" : "a"} ${one}`;
    }
  }
}

function sourceLabel(source: Provenance | AddOn, f: ProvenanceFormat): string {
  switch (source.kind) {
    case "quality":
      return "";
    case "built_in": {
      const modules = source.modules.map(f.module).join(", ");
      return source.extra
        ? `built in (${modules}; install ${f.module(source.extra)})`
        : `built in (${modules})`;
    }
    case "third_party": {
      const noun = source.packages.length > 1 ? "third-party packages" : "third-party package";
      return `${noun} (${source.packages.map(f.pkg).join(", ")})`;
    }
    case "extension": {
      // Group by home, so each package is named with who maintains it.
      const groups = new Map<ExtensionHome, PackageRef[]>();
      for (const p of source.packages) groups.set(p.home, [...(groups.get(p.home) ?? []), p]);
      return [...groups]
        .map(([home, packages]) => {
          const [one, many] = HOME_WORDS[home];
          return `${packages.length > 1 ? many : one} (${packages.map(f.pkg).join(", ")})`;
        })
        .join("; ");
    }
  }
}

/** The whole label of one framework's side: its provenance, then each add-on and what it is for. */
export function provenanceLabel(
  side: Pick<FrameworkSide, "provenance" | "addOns">,
  format: ProvenanceFormat = PLAIN_FORMAT,
): string {
  const parts: string[] = [];
  const main = sourceLabel(side.provenance, format);
  if (main !== "") parts.push(main);
  for (const addOn of side.addOns) parts.push(`${addOn.for}: ${sourceLabel(addOn, format)}`);
  return parts.join("; ");
}

/** Every package a side names, in its provenance and add-ons. */
export function packagesOf(side: Pick<FrameworkSide, "provenance" | "addOns">): PackageRef[] {
  const out: PackageRef[] = [];
  if (side.provenance.kind === "extension" || side.provenance.kind === "third_party")
    out.push(...side.provenance.packages);
  for (const a of side.addOns) out.push(...a.packages);
  return out;
}
