import { describe, expect, it } from "vitest";
import { directAnswer, explainFeature, getKnowledge } from "../../src/engine/index.js";

const knowledge = getKnowledge();
const direct = (featureId: string, question: string) =>
  explainFeature(featureId, undefined, knowledge, { question })?.direct;

describe("direct answers to yes/no questions about one framework", () => {
  it.each([
    [
      "async",
      "does django do websockets?",
      /^Yes, with Channels, an official Django package you install separately\.$/,
    ],
    [
      "async",
      "can flask do async?",
      /^Yes, built in: `flask\.Flask\.ensure_sync` \(install `flask\[async\]`\)/,
    ],
    [
      "admin",
      "does flask have an admin panel?",
      /^Yes, with Flask-Admin, a pallets-eco extension you install separately\.$/,
    ],
    ["admin", "Does Django have an admin?", /^Yes, built in: `django\.contrib\.admin`\.$/],
    [
      "rest_api",
      "is drf part of django?",
      /^Django REST Framework is a third-party package, not part of Django itself\.$/,
    ],
    [
      "databases",
      "does django support mongodb?",
      /^Yes, with django-mongodb-backend, a third-party package\.$/,
    ],
    [
      "permissions",
      "does django do object-level permissions?",
      /^Yes, with django-guardian, a third-party package\.$/,
    ],
    ["orm", "so does flask have migrations?", /^Yes, with Flask-Migrate, a third-party package\.$/],
    [
      "background_tasks",
      "can django run background jobs?",
      /^Yes, built in: `django\.tasks`; for a production worker, Celery/,
    ],
    ["i18n", "does django support translations", /^Yes, built in: `django\.utils\.translation`\.$/],
    // Asked whether it comes with the framework: an add-on or an extension is a no, said first.
    [
      "testing",
      "does flask have a built-in test runner?",
      /^No, not built into Flask: pytest, a third-party package\.$/,
    ],
    [
      "admin",
      "does flask have a built-in admin?",
      /^No, not built into Flask: Flask-Admin, a pallets-eco extension you install separately\.$/,
    ],
    [
      "databases",
      "does django officially support mongodb?",
      /^No, not built into Django: django-mongodb-backend, a third-party package\.$/,
    ],
    [
      "background_tasks",
      "does django have a built-in task worker?",
      /^Partly: `django\.tasks` is built in, but not a production worker: Celery, a third-party package\.$/,
    ],
    [
      "rest_api",
      "does django have a built-in REST API?",
      /^Partly: `django\.http\.JsonResponse` is built in, but not serializers, API authentication and schema docs: Django REST Framework or Django Ninja/,
    ],
    ["admin", "does django have an admin built in?", /^Yes, built in: `django\.contrib\.admin`\.$/],
    // A module named: that module, not all of the feature's.
    ["security", "does django have CSP?", /^Yes, built in: `django\.middleware\.csp`\.$/],
    [
      "security",
      "is flask secure?",
      /^Yes, built in: `flask\.sessions`, `flask\.templating`, but only signed session cookies and autoescaping; for CSRF protection, Flask-WTF/,
    ],
    // The feature's own name names all of them.
    [
      "security",
      "does django have security built in?",
      /^Yes, built in: `django\.middleware\.csrf`, `django\.middleware\.clickjacking`, `django\.middleware\.security`, `django\.middleware\.csp`\.$/,
    ],
    // "flask admin" can only be Flask-Admin: Flask has no admin of its own.
    [
      "admin",
      "is flask admin built in?",
      /^Flask-Admin is a pallets-eco extension you install separately, not part of Flask itself\.$/,
    ],
    // A kind of it named: the add-ons for other kinds are left out, the qualifiers kept.
    ["databases", "does django support mysql?", /^Yes, built in: `django\.db\.backends`\.$/],
    ["databases", "does django support postgres?", /^Yes, built in: `django\.db\.backends`\.$/],
    // A built-in part with a limit says it, so a yes is not half true.
    [
      "async",
      "is django async?",
      /^Yes, built in: `django\.core\.asgi`, but transactions do not work in async code yet; for websockets, Channels/,
    ],
    [
      "async",
      "is flask async?",
      /^Yes, built in: `flask\.Flask\.ensure_sync` \(install `flask\[async\]`\), but under WSGI each request still holds a worker;/,
    ],
    [
      "debugging",
      "does flask have a debugger?",
      /^Yes, built in: `werkzeug\.debug`, but for development only, never in production\.$/,
    ],
    [
      "debugging",
      "does django have a debugger?",
      /^Yes, built in: `django\.views\.debug`, but only as debug error pages and `test --pdb`, with no interactive in-browser debugger; for an in-browser toolbar/,
    ],
    [
      "sessions",
      "is flask-session part of flask?",
      /^Flask-Session is a pallets-eco extension you install separately, not part of Flask itself\.$/,
    ],
    // Neither framework named: each one's answer, when both have one.
    [
      "databases",
      "does it work with SQL Server?",
      /^Flask: Yes, with SQLAlchemy, a third-party package\. Django: Yes, with mssql-django, a third-party package\.$/,
    ],
    [
      "databases",
      "does it work with mysql?",
      /^Flask: Yes, with SQLAlchemy, a third-party package\. Django: Yes, built in: `django\.db\.backends`\.$/,
    ],
  ])("%s: %s", (featureId, question, expected) => {
    expect(direct(featureId, question)).toMatch(expected);
  });

  it.each([
    ["performance", "is django slow?", "a quality, not a feature: no yes/no"],
    ["async", "is flask faster than django", "names both frameworks"],
    ["async", "what about websockets in django", "not a yes/no question"],
    ["debugging", "does django have an in-browser debugger?", "asks for more than the feature (in-browser)"],
    ["admin", "does django-guardian do admin?", "names the other framework's package"],
    ["admin", "admin?", "names no framework"],
    ["admin", "does django?", "asks about nothing"],
    ["async", "do we need asgi for flask?", "asks what the project needs, not what Flask has"],
    ["background_tasks", "should we use celery with django?", "asks for advice"],
    ["databases", "does django support nosql?", "a kind Django's answer does not list"],
    ["sessions", "is the flask session cookie secure?", "Flask's own session, or the Flask-Session package"],
  ])("%s: %s → nothing (%s)", (featureId, question) => {
    expect(direct(featureId, question)).toBeUndefined();
  });

  it("is the same from the explanation alone (what the Slack answer uses)", () => {
    const e = explainFeature("async", undefined, knowledge);
    expect(e?.direct).toBeUndefined();
    if (!e) throw new Error("no explanation");
    expect(directAnswer(e, "does django do websockets?")).toBe(direct("async", "does django do websockets?"));
  });

  it("never throws and stays quiet on any feature for odd input", () => {
    for (const f of knowledge.features) {
      for (const q of ["", "?", "does", "does flask", "is it django or flask", "does 🐍 flask ☕️ have it?"]) {
        expect(() => direct(f.id, q)).not.toThrow();
      }
      expect(direct(f.id, "")).toBeUndefined();
    }
  });

  it("gives a direct answer for every feature that is not a quality, when asked plainly by its title", () => {
    for (const f of knowledge.features) {
      for (const id of ["flask", "django"] as const) {
        const answer = direct(f.id, `does ${id} have ${f.title.toLowerCase()}?`);
        if (f[id].provenance.kind === "quality") expect(answer, `${f.id}.${id}`).toBeUndefined();
        else expect(answer, `${f.id}.${id}`).toMatch(/^Yes, /);
      }
    }
  });
});
