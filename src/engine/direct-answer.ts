import type { FeatureExplanation, FrameworkAnswer } from "./explain-feature.js";
import type { AddOn, ExtensionHome, PackageRef, PackageSource } from "./knowledge-schema.js";
import { foldPlural, plainWords } from "./text.js";

/**
 * The direct answer to a yes/no question about one framework ("does django do websockets?",
 * "can flask do async?"), said before the side by side. Pure. It answers only when it can be
 * sure what was asked: one framework named, a yes/no opening, and every topic word accounted for
 * by the feature, one of its add-ons or one of its packages. Otherwise it says nothing.
 */

/** Openings of a has-it question ("should we use…", "would it scale…" ask for advice, not a fact). */
const YES_NO = new Set("does do did can could is are has have will".split(" "));
/** Words that ask whether it comes with the framework itself: "built-in", "out of the box", "officially". */
const BUILT_IN = new Set(
  "built builtin native natively core own included include includes ship ships box ootb officially official stock".split(
    " ",
  ),
);
/** Words that ask what the project needs, not what the framework has: "do we need asgi for flask?". */
const NEEDS = new Set("need needs needed require requires required must".split(" "));
/** Words before the opening that do not change it ("so does django…"). */
const LEAD = new Set("so and but ok okay hey also then um quick question".split(" "));
/** Words that say nothing about the topic of a has-it question. */
const QUIET = new Set(
  (
    "a an the it its it's to of for with in on and or any some there this that these those " +
    "built builtin include included includes including come comes part support supports supported " +
    "handle handles offer offers provide provides ship ships native natively out box have has do does " +
    "did get work works use using need run runs make serve send really actually also still yet already itself by default " +
    "me we our us you i my your they their one kind sort thing things stuff good proper real " +
    "officially official core own"
  ).split(" "),
);

const tokens = plainWords;
const fold = foldPlural;

/** The words of a name or phrase that carry meaning, folded. */
function meaningful(text: string, frameworkNames: readonly string[]): string[] {
  return tokens(text)
    .filter((w) => !QUIET.has(w) && !frameworkNames.includes(w))
    .map(fold);
}

/** Package names as people type them: the name, and an acronym for long names (DRF). */
function packageForms(p: PackageRef): string[][] {
  const words = tokens(p.name);
  const forms = [words];
  if (words.length >= 3) forms.push([words.map((w) => w[0]).join("")]);
  return forms;
}

const DIRECT_HOME: Record<ExtensionHome, [one: string, many: string]> = {
  "pallets-eco": [
    "a pallets-eco extension you install separately",
    "pallets-eco extensions you install separately",
  ],
  pallets: ["a separate Pallets project", "separate Pallets projects"],
  django: [
    "an official Django package you install separately",
    "official Django packages you install separately",
  ],
};

function whatItIs(source: PackageSource): string {
  const many = source.packages.length > 1;
  if (source.kind === "third_party") return many ? "third-party packages" : "a third-party package";
  const homes = new Set(source.packages.map((p) => p.home));
  const home = source.packages[0]?.home;
  if (homes.size > 1 || !home) return "official or pallets-eco extensions you install separately";
  return DIRECT_HOME[home][many ? 1 : 0];
}

const names = (packages: PackageRef[]) => packages.map((p) => p.name).join(" or ");

function withPackages(source: PackageSource): string {
  return `Yes, with ${names(source.packages)}, ${whatItIs(source)}.`;
}

/** Asked whether it is built in, and it is not: say so first ("does flask have a built-in admin?"). */
function notBuiltIn(side: FrameworkAnswer, source: PackageSource): string {
  return `No, not built into ${side.name}: ${names(source.packages)}, ${whatItIs(source)}.`;
}

function sourcesOf(side: FrameworkAnswer): PackageSource[] {
  const p = side.provenance;
  return [...(p.kind === "extension" || p.kind === "third_party" ? [p] : []), ...side.addOns];
}

function aboutPackage(side: FrameworkAnswer, name: string): string {
  for (const source of sourcesOf(side)) {
    if (source.kind === "extension") {
      const p = source.packages.find((x) => x.name === name);
      if (p)
        return `${name} is ${whatItIs({ kind: "extension", packages: [p] })}, not part of ${side.name} itself.`;
    } else if (source.packages.some((x) => x.name === name)) {
      return `${name} is a third-party package, not part of ${side.name} itself.`;
    }
  }
  return `${name} is a separate package, not part of ${side.name} itself.`;
}

function builtIn(
  side: FrameworkAnswer,
  content: ReadonlySet<string>,
  title: ReadonlySet<string>,
  addOns: readonly AddOn[],
  partly?: AddOn,
): string | undefined {
  const p = side.provenance;
  if (p.kind !== "built_in") return undefined;
  // The module the question names, when it names one ("does django have csp?": `django.middleware.csp`);
  // the feature's own name names them all ("does django have security built in?").
  const named = p.modules.filter((m) => {
    const last = fold(m.split(".").at(-1) ?? "");
    return content.has(last) && !title.has(last);
  });
  const modules = (named.length > 0 ? named : p.modules).map((m) => `\`${m}\``).join(", ");
  const extra = p.extra ? ` (install \`${p.extra}\`)` : "";
  // Built in, but not the part asked about: "does django have a built-in task worker?"
  if (partly)
    return `Partly: ${modules}${extra} is built in, but not ${partly.for}: ${names(partly.packages)}, ${whatItIs(partly)}.`;
  const limit = p.limit ? `, but ${p.limit}` : "";
  const more = addOns.map((a) => `for ${a.for}, ${names(a.packages)} (${whatItIs(a)})`);
  return `Yes, built in: ${modules}${extra}${limit}${more.length > 0 ? `; ${more.join("; ")}` : ""}.`;
}

/** A side's answer that names this many of the feature's one-word aliases lists kinds of it (databases). */
const ENUMERATES = 3;

/** The feature's one-word aliases this side's answer names ("postgres", "mysql", "mongodb"). */
function kindsListed(e: FeatureExplanation, side: FrameworkAnswer): Set<string> {
  const said = tokens(side.how);
  // "postgres" is listed as "PostgreSQL".
  return new Set(
    e.aliases.map(fold).filter((a) => !/[^a-z0-9]/.test(a) && said.some((w) => w.startsWith(a))),
  );
}

export function directAnswer(e: FeatureExplanation, question: string): string | undefined {
  const words = tokens(question.slice(0, 300));
  let start = 0;
  while (start < words.length && LEAD.has(words[start] as string)) start++;
  if (!YES_NO.has(words[start] ?? "")) return undefined;

  const asked = (["flask", "django"] as const).filter((id) => words.includes(e[id].name.toLowerCase()));
  if (asked.length > 1) return undefined;
  const rest = words.slice(start + 1);
  if (rest.some((w) => NEEDS.has(w))) return undefined;
  const only = asked[0];
  const written = question.slice(0, 300).toLowerCase().replace(/_/g, "-");
  if (only) return sideAnswer(e, only, rest, written);
  // Neither named ("does it work with sql server?"): each framework's answer, when both have one.
  const flask = sideAnswer(e, "flask", rest, written);
  const django = sideAnswer(e, "django", rest, written);
  if (!flask || !django) return undefined;
  return `${e.flask.name}: ${flask} ${e.django.name}: ${django}`;
}

/** The answer for one framework, or nothing when the question asks more than its answer covers. */
function sideAnswer(
  e: FeatureExplanation,
  id: "flask" | "django",
  rest: readonly string[],
  written: string,
): string | undefined {
  const frameworkNames = [e.flask.name.toLowerCase(), e.django.name.toLowerCase()];
  const side = e[id];
  const other = e[id === "flask" ? "django" : "flask"];
  const asksBuiltIn = rest.some((w) => BUILT_IN.has(w));
  const content = new Set(meaningful(rest.join(" "), frameworkNames));
  if (content.size === 0) return undefined;
  const topic = new Set(e.topicWords.map(fold));
  const covered = (extra: Iterable<string>) => {
    const allowed = new Set([...topic, ...extra]);
    return [...content].every((w) => allowed.has(w));
  };

  // A package named: say what it is. One of the other framework's packages: not ours to answer.
  const restText = ` ${rest.join(" ")} `;
  const named = (p: PackageRef) => packageForms(p).some((form) => restText.includes(` ${form.join(" ")} `));
  const packagesOf = (s: FrameworkAnswer): PackageRef[] => sourcesOf(s).flatMap((x) => x.packages);
  const ours = packagesOf(side).find(named);
  if (ours) {
    // "the flask session cookie" may mean Flask's own session (built in): only "flask-session" surely
    // names the package. "flask admin" can only mean Flask-Admin, as Flask has no admin of its own.
    const words = tokens(ours.name);
    const ambiguous =
      words.length === 2 &&
      frameworkNames.includes(words[0] as string) &&
      side.provenance.kind === "built_in" &&
      !written.includes(ours.name.toLowerCase());
    if (ambiguous) return undefined;
    const own = packageForms(ours)
      .flat()
      .flatMap((w) => meaningful(w, frameworkNames));
    return covered(own) ? aboutPackage(side, ours.name) : undefined;
  }
  if (packagesOf(other).some(named)) return undefined;

  // An add-on whose purpose the question names in full ("object-level permissions", "websockets").
  const addOn = side.addOns.find((a: AddOn) => {
    const purpose = meaningful(a.for, frameworkNames);
    return purpose.length > 0 && purpose.every((w) => content.has(w));
  });
  if (addOn) {
    if (!covered(meaningful(addOn.for, frameworkNames))) return undefined;
    return asksBuiltIn ? notBuiltIn(side, addOn) : withPackages(addOn);
  }

  // The feature itself: only when nothing else was asked ("in-browser debugger" is more than "debugger").
  if (!covered([])) return undefined;
  // One of the kinds this side's answer lists ("PostgreSQL, MariaDB, MySQL…"): a kind it does not
  // list is not a yes ("does django support nosql?"), and the add-ons for other kinds are beside
  // the point ("does django support mysql?" needs no word on SQL Server).
  const title = new Set(tokens(e.title).map(fold));
  const kinds = kindsListed(e, side);
  const namedKinds = e.aliases.map(fold).filter((a) => content.has(a) && !title.has(a));
  if (kinds.size >= ENUMERATES && namedKinds.some((a) => !kinds.has(a))) return undefined;
  const aliasForms = new Set(e.aliases.map((a) => tokens(a).map(fold).join(" ")));
  const forAnotherKind = (a: AddOn) => aliasForms.has(tokens(a.for).map(fold).join(" "));
  const addOns = namedKinds.length > 0 ? side.addOns.filter((a) => !forAnotherKind(a)) : side.addOns;
  const p = side.provenance;
  if (p.kind === "built_in") {
    // Asked whether it is built in, with a word of an add-on's purpose ("worker", "api"): that part is not.
    const partly = asksBuiltIn
      ? side.addOns.find((a) => meaningful(a.for, frameworkNames).some((w) => content.has(w)))
      : undefined;
    return builtIn(side, content, title, addOns, partly);
  }
  if (p.kind === "extension" || p.kind === "third_party")
    return asksBuiltIn ? notBuiltIn(side, p) : withPackages(p);
  return undefined;
}
