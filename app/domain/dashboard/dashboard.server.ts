// The leaders' dashboard for a year and a scope: every figure group read set-based, in parallel, then
// computed by its pure rules. Plan coverage and cost are the company's (the plan is not split by department).
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";

import { agentCertifications } from "./certification-queries.server";
import { certificationFigures, certGroups } from "./certification-rate-rules";
import { yearCost } from "./cost-queries.server";
import { heldSessions, plannedSessions } from "./coverage-queries.server";
import { planCoverage } from "./coverage-rules";
import { minutesByDepartmentMonth, peopleHours } from "./hours-queries.server";
import { hoursFigures } from "./hours-rules";
import { breachedRules, missedRules, ruleTitles } from "./rule-queries.server";
import { topRules } from "./rule-rank-rules";
import { evaluationSums, surveyInvites } from "./satisfaction-queries.server";
import { satisfactionFigures } from "./satisfaction-rules";
import { yearBounds } from "./scope-queries.server";
import { rowResolver, type DashboardScope, type ScopeDepartment } from "./scope-rules";

export async function dashboardFigures(input: {
  year: number;
  scope: DashboardScope;
  departments: readonly ScopeDepartment[];
  withCost: boolean;
}) {
  const { year, scope } = input;
  const at = now();
  const { timeZone } = await getSettings();
  const ys = { ...yearBounds(year, timeZone), timeZone, departmentIds: scope.departmentIds };
  const [minutes, people, planned, held, cost, agents, evaluations, invites, missed, breached] = await Promise.all([
    minutesByDepartmentMonth(ys),
    peopleHours(ys),
    plannedSessions(year),
    heldSessions(year, at),
    input.withCost ? yearCost(year) : null,
    agentCertifications(scope.departmentIds),
    evaluationSums(ys),
    surveyInvites(ys),
    missedRules(ys),
    breachedRules(ys),
  ]);
  const titles = await ruleTitles([...new Set([...missed, ...breached].map((r) => r.ruleId))]);

  const rowFor = rowResolver(input.departments, scope);
  const rowIds = [...scope.rows.map((r) => r.id), ...(scope.directId ? [scope.directId] : [])];
  const hours = hoursFigures({ minutes, people, rowIds, rowFor });
  const certification = certificationFigures(agents, at, rowIds, rowFor);
  const names = new Map(input.departments.map((d) => [d.id, d.name]));
  const rows = rowIds
    .map((id) => ({
      id,
      name: names.get(id) ?? "",
      direct: id === scope.directId,
      hours: hours.byRow.get(id)!,
      certification: certification.byRow.get(id)!,
    }))
    // People directly in the department (not in a team) get a row only when there are some.
    .filter((r) => !r.direct || r.hours.headcount > 0 || r.hours.minutes > 0 || r.certification.agents > 0);

  const certOf = new Map(agents.map((a) => [a.personId, a.certification]));
  const team = (departmentId: string) => names.get(departmentId) ?? "";
  const peopleRows = scope.focus
    ? people.map((p) => {
        const c = certOf.get(p.personId);
        return {
          id: p.personId,
          employeeNo: p.employeeNo,
          name: p.name,
          team: team(p.departmentId),
          hours: Math.round((p.minutes / 60) * 10) / 10,
          courses: p.courses,
          certification: c
            ? { status: c.status, validUntil: c.validUntil, expiring: certGroups(c, at).expiring }
            : null,
        };
      })
    : [];

  return {
    at,
    hours: { total: hours.total, byMonth: hours.byMonth },
    coverage: planCoverage(planned, held),
    cost,
    certification: certification.total,
    satisfaction: satisfactionFigures(evaluations, invites),
    mostMissed: topRules(missed, titles),
    mostBreached: topRules(breached, titles),
    rows,
    people: peopleRows,
  };
}

export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;
