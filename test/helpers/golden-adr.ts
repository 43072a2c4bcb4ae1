/**
 * The fixed scenario behind the golden ADR (test/fixtures/adr/0001-use-flask-for-an-online-shop.md): an
 * online shop whose team knows Flask; the answers favour Django, and the team decides for Flask anyway,
 * with its reason, after a teammate's view and two votes. The engine's test renders it directly; the
 * Slack test stores it and exports it.
 */
export const GOLDEN_ADR = new URL("../fixtures/adr/0001-use-flask-for-an-online-shop.md", import.meta.url);

export const GOLDEN_SCENARIO = {
  answers: {
    project_type: "ecommerce",
    size: "medium",
    timeline: "months",
    experience: "flask",
    flexibility: "balanced",
    database: "postgresql",
    priority: "maintainability",
  } as Record<string, string>,
  needs: ["admin", "auth", "background_tasks"],
  notes: "Staff edit orders in an admin; we deploy on *Kubernetes*.\nPayments go through Stripe.",
  /** Where the teammate's own answers differ. */
  teammateAnswers: { experience: "python", size: "large" },
  reason: "We run three Flask services already and share their auth code.",
  decidedOn: "2026-11-28",
} as const;
