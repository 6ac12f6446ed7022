// Every route × every demo role: the server refuses what a role may not use, and says so in the audit log.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";
import { can, type Permission, type RoleName } from "~/utils/permissions";

import { cookieFor, DEMO_AT, outcome, personId, requestAs, demoCompanyBeforeEachTest } from "./support";

type Guard = Permission | "signed-in" | "public";
type RouteCase = { path: string; loader?: Guard; action?: Guard; params?: () => Promise<Record<string, string>> };

type RouteFn = (args: { request: Request; params: Record<string, string>; context: { cspNonce: string } }) => unknown;
const modules = import.meta.glob<{ loader?: RouteFn; action?: RouteFn }>("../../app/routes/*.tsx");

const agentParams = async () => ({ personId: await personId("C0101") });
// The reader's own training file: cookieFor has just signed the reader in, so the newest session is theirs.
const ownFileParams = async () => ({
  personId: (await db.session.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { personId: true } }))
    .personId,
});
// The demo company's finished survey and approved plan of the current year (prisma/seed/training-plan.ts).
const surveyParams = async () => ({ surveyId: (await db.needsSurvey.findFirstOrThrow({ select: { id: true } })).id });
const col1FormParams = async () => {
  const form = await db.departmentNeedsForm.findFirstOrThrow({
    where: { department: { code: "COL1" } },
    select: { id: true, surveyId: true },
  });
  return { surveyId: form.surveyId, formId: form.id };
};
const planParams = async () => ({
  planId: (await db.annualPlan.findFirstOrThrow({ select: { id: true } })).id,
  itemId: "new",
});
// The demo company's approved monthly plan and 催收一部's course of the current month (prisma/seed/monthly-plan.ts).
const monthlyParams = async () => ({
  monthlyPlanId: (await db.monthlyPlan.findFirstOrThrow({ orderBy: { month: "desc" }, select: { id: true } })).id,
  itemId: "new",
});
const courseParams = async () => {
  const material = await db.courseMaterial.findFirstOrThrow({ select: { id: true, courseId: true } });
  return { courseId: material.courseId, materialId: material.id };
};

// A session of an approved demo course (sign-in).
const sessionParams = async () => ({
  sessionId: (
    await db.courseSession.findFirstOrThrow({
      where: { course: { approval: { state: "APPROVED" } } },
      select: { id: true },
    })
  ).id,
});

// A scan of a paper sheet the demo seed keeps (prisma/seed/archive.ts).
const scanParams = async () => {
  const scan = await db.sessionScan.findFirstOrThrow({ select: { id: true, sessionId: true } });
  return { sessionId: scan.sessionId, scanId: scan.id };
};

// Each route file must be listed: a new route without an entry here fails the last test.
const ROUTES: Record<string, RouteCase> = {
  "_index.tsx": { path: "/", loader: "public" },
  "login.tsx": { path: "/login", loader: "public", action: "public" },
  "logout.tsx": { path: "/logout", loader: "public", action: "public" },
  "locale.tsx": { path: "/locale", loader: "public", action: "public" },
  "password.tsx": { path: "/password", loader: "signed-in", action: "signed-in" },
  "_app.tsx": { path: "/home", loader: "signed-in" },
  "_app.home.tsx": { path: "/home", loader: "signed-in", action: "signed-in" },
  "_app.people._index.tsx": { path: "/people", loader: "read:person" },
  "_app.people.new.tsx": { path: "/people/new", loader: "write:person", action: "write:person" },
  "_app.people.$personId.tsx": {
    path: "/people/x",
    loader: "read:person",
    action: "write:person",
    params: agentParams,
  },
  "_app.people.import.tsx": { path: "/people/import", loader: "import:person", action: "import:person" },
  "_app.people.import-template.tsx": { path: "/people/import-template", loader: "import:person" },
  "_app.departments.tsx": { path: "/departments", loader: "manage:department", action: "manage:department" },
  "_app.rooms.tsx": { path: "/rooms", loader: "manage:room", action: "manage:room" },
  // Internal lecturers: the training manager's (and the administrator's) list; the person page's
  // lecturer form (intent "lecturer", same permission) is checked in lecturers.test.ts.
  "_app.lecturers.tsx": { path: "/lecturers", loader: "mark:lecturer", action: "mark:lecturer" },
  "_app.trainers.tsx": {
    path: "/trainers",
    loader: "manage:external-trainer",
    action: "manage:external-trainer",
  },
  "_app.needs._index.tsx": { path: "/needs", loader: "read:needs-survey", action: "manage:needs-survey" },
  "_app.needs.$surveyId._index.tsx": {
    path: "/needs/x",
    loader: "read:needs-survey",
    action: "manage:needs-survey",
    params: surveyParams,
  },
  "_app.needs.$surveyId.forms.$formId.tsx": {
    path: "/needs/x/forms/y",
    loader: "read:needs-survey",
    action: "write:department-needs",
    params: col1FormParams,
  },
  "_app.needs.$surveyId.questions.tsx": {
    path: "/needs/x/questions",
    loader: "manage:needs-survey",
    action: "manage:needs-survey",
    params: surveyParams,
  },
  "_app.needs.$surveyId.outcomes.tsx": {
    path: "/needs/x/outcomes",
    loader: "mark:need-outcome",
    action: "mark:need-outcome",
    params: surveyParams,
  },
  "_app.needs.$surveyId.answers.tsx": { path: "/needs/x/answers", loader: "read:needs-answers", params: surveyParams },
  "_app.needs.$surveyId.summary.tsx": { path: "/needs/x/summary", loader: "read:needs-survey", params: surveyParams },
  "_app.needs.$surveyId.export.tsx": { path: "/needs/x/export", loader: "read:needs-survey", params: surveyParams },
  "_app.questionnaire._index.tsx": { path: "/questionnaire", loader: "answer:needs-questionnaire" },
  "_app.questionnaire.$surveyId.tsx": {
    path: "/questionnaire/x",
    loader: "answer:needs-questionnaire",
    action: "answer:needs-questionnaire",
    params: surveyParams,
  },
  "_app.plans._index.tsx": { path: "/plans", loader: "read:annual-plan", action: "draft:annual-plan" },
  "_app.plans.$planId._index.tsx": {
    path: "/plans/x",
    loader: "read:annual-plan",
    action: "draft:annual-plan",
    params: planParams,
  },
  "_app.plans.$planId.items.$itemId.tsx": {
    path: "/plans/x/items/new",
    loader: "draft:annual-plan",
    action: "draft:annual-plan",
    params: planParams,
  },
  "_app.plans.$planId.export.tsx": { path: "/plans/x/export", loader: "read:annual-plan", params: planParams },
  "plans.$planId.print.tsx": { path: "/plans/x/print", loader: "read:annual-plan", params: planParams },
  "_app.audit.tsx": { path: "/audit", loader: "read:audit" },
  "_app.settings.tsx": { path: "/settings", loader: "manage:settings", action: "manage:settings" },
  // Call-script quizzes and certification; "x" ids answer 404 to those allowed.
  "_app.quiz._index.tsx": { path: "/quiz", loader: "take:quiz", action: "take:quiz" },
  "_app.quiz.attempts.$attemptId._index.tsx": {
    path: "/quiz/attempts/x",
    loader: "take:quiz",
    action: "take:quiz",
    params: async () => ({ attemptId: "x" }),
  },
  "_app.quiz.attempts.$attemptId.result.tsx": {
    path: "/quiz/attempts/x/result",
    loader: "take:quiz",
    params: async () => ({ attemptId: "x" }),
  },
  "_app.quiz.rules._index.tsx": { path: "/quiz/rules", loader: "read:rule" },
  "_app.quiz.rules.$ruleId.tsx": {
    path: "/quiz/rules/B3",
    loader: "manage:quiz",
    action: "manage:quiz",
    params: async () => ({ ruleId: "B3" }),
  },
  "_app.quiz.questions._index.tsx": { path: "/quiz/questions", loader: "manage:quiz", action: "manage:quiz" },
  "_app.quiz.questions.$questionId.tsx": {
    path: "/quiz/questions/new",
    loader: "manage:quiz",
    action: "manage:quiz",
    params: async () => ({ questionId: "new" }),
  },
  "_app.quiz.questions.import.tsx": { path: "/quiz/questions/import", loader: "manage:quiz", action: "manage:quiz" },
  "_app.quiz.questions.export.tsx": { path: "/quiz/questions/export", loader: "manage:quiz" },
  "_app.quiz.blueprints.$quizId.tsx": {
    path: "/quiz/blueprints/x",
    loader: "manage:quiz",
    action: "manage:quiz",
    params: async () => ({ quizId: "x" }),
  },
  "_app.quiz.blueprints.new.tsx": { path: "/quiz/blueprints/new", loader: "manage:quiz", action: "manage:quiz" },
  "_app.certification.tsx": { path: "/certification", loader: "read:certification", action: "manage:quiz" },
  // Steps 004–007: monthly plans, calendar, course plans, materials and budget.
  "_app.monthly-plans._index.tsx": {
    path: "/monthly-plans",
    loader: "read:monthly-plan",
    action: "draft:monthly-plan",
  },
  "_app.monthly-plans.$monthlyPlanId._index.tsx": {
    path: "/monthly-plans/x",
    loader: "read:monthly-plan",
    action: "draft:monthly-plan",
    params: monthlyParams,
  },
  "_app.monthly-plans.$monthlyPlanId.items.$itemId.tsx": {
    path: "/monthly-plans/x/items/new",
    loader: "draft:monthly-plan",
    action: "draft:monthly-plan",
    params: monthlyParams,
  },
  // Everyone's own sessions; the month of the plan for those who read monthly plans.
  "_app.calendar.tsx": { path: "/calendar", loader: "signed-in" },
  "_app.courses._index.tsx": { path: "/courses", loader: "read:course" },
  "_app.courses.$courseId._index.tsx": {
    path: "/courses/x",
    loader: "read:course",
    action: "draft:course",
    params: courseParams,
  },
  "_app.courses.$courseId.edit.tsx": {
    path: "/courses/x/edit",
    loader: "draft:course",
    action: "draft:course",
    params: courseParams,
  },
  "courses.$courseId.materials.$materialId.tsx": {
    path: "/courses/x/materials/y",
    loader: "read:course",
    params: courseParams,
  },
  // The monthly plan and the course plan as paper forms and workbooks: the same readers as their pages.
  "monthly-plans.$monthlyPlanId.print.tsx": {
    path: "/monthly-plans/x/print",
    loader: "read:monthly-plan",
    params: monthlyParams,
  },
  "_app.monthly-plans.$monthlyPlanId.export.tsx": {
    path: "/monthly-plans/x/export",
    loader: "read:monthly-plan",
    params: monthlyParams,
  },
  "courses.$courseId.print.tsx": { path: "/courses/x/print", loader: "read:course", params: courseParams },
  "_app.courses.$courseId.export.tsx": { path: "/courses/x/export", loader: "read:course", params: courseParams },
  // The budget page: the training manager's form is the one an empty post is taken for (the cap's needs
  // set:training-budget-cap, checked in budget.test.ts); the export has the page's readers.
  "_app.budget.tsx": { path: "/budget", loader: "read:training-budget", action: "set:training-budget" },
  "budget[.xlsx].tsx": { path: "/budget.xlsx", loader: "read:training-budget" },
  "[__test].clock.tsx": { path: "/__test/clock", loader: "public", action: "public" },
  // Case work and the clearance API's keys; case "x" answers 404 to those allowed.
  "_app.cases._index.tsx": { path: "/cases", loader: "read:case", action: "assign:case" },
  "cases.agents[.json].tsx": { path: "/cases/agents.json", loader: "assign:case" },
  "_app.cases.$caseId.tsx": {
    path: "/cases/x",
    loader: "read:case",
    action: "work:case",
    params: async () => ({ caseId: "x" }),
  },
  "_app.cases.import.tsx": { path: "/cases/import", loader: "import:case", action: "import:case" },
  "_app.cases.slur-words.tsx": { path: "/cases/slur-words", loader: "manage:quiz", action: "manage:quiz" },
  "_app.api-keys.tsx": { path: "/api-keys", loader: "manage:api-key", action: "manage:api-key" },
  // Department heads' confirmation of a course (heads confirm; an unknown intent is the clerk's).
  "_app.courses.$courseId.confirmations.tsx": {
    path: "/courses/x/confirmations",
    loader: "read:course",
    action: "prepare:course",
    params: courseParams,
  },
  // Notices (step 009, attendee side): the clerk's page, and an attendee's own notice and calendar file
  // (the demo course's attendee list decides who finds it; everyone else gets 404, not 403).
  "_app.courses.$courseId.notices.tsx": {
    path: "/courses/x/notices",
    loader: "read:course",
    action: "prepare:course",
    params: courseParams,
  },
  // Step 008: preparation checklists (the course is the demo's 催收一部 course with a material).
  "_app.preparation.tsx": { path: "/preparation", loader: "read:course" },
  "_app.courses.$courseId.preparation.tsx": {
    path: "/courses/x/preparation",
    loader: "read:course",
    action: "prepare:course",
    params: courseParams,
  },
  // Mail: the outbox; message "x" answers 404 to those allowed.
  "_app.outbox._index.tsx": { path: "/outbox", loader: "read:outbox" },
  "_app.outbox.$messageId.tsx": {
    path: "/outbox/x",
    loader: "read:outbox",
    action: "manage:outbox",
    params: async () => ({ messageId: "x" }),
  },
  // Background jobs: the administrator's page and its 立即运行 (an empty form is refused before queueing).
  "_app.jobs.tsx": { path: "/jobs", loader: "read:jobs", action: "run:jobs" },
  // The session day and its sign-in sheets: a session of an approved demo course.
  "_app.training-day.tsx": { path: "/training-day", loader: "prepare:course" },
  "courses.$courseId.sessions.$sessionId.sign-in-sheet.tsx": {
    path: "/courses/x/sessions/y/sign-in-sheet",
    loader: "read:course",
    params: async () => {
      const session = await db.courseSession.findFirstOrThrow({
        where: { course: { approval: { state: "APPROVED" } } },
        select: { id: true, courseId: true },
      });
      return { courseId: session.courseId, sessionId: session.id };
    },
  },
  "courses.$courseId.sessions.$sessionId.sign-in-sheet[.xlsx].tsx": {
    path: "/courses/x/sessions/y/sign-in-sheet.xlsx",
    loader: "read:course",
    params: () => ROUTES["courses.$courseId.sessions.$sessionId.sign-in-sheet.tsx"].params!(),
  },
  // Sign-in (step 011): the trainee's scan landing (anyone logged in; it signs in only themselves), the
  // projector screen and its polled data, and the kiosk on the clerk's device.
  "_app.sessions.$sessionId.sign-in.tsx": { path: "/sessions/x/sign-in", loader: "signed-in", params: sessionParams },
  "sessions.$sessionId.projector.tsx": { path: "/sessions/x/projector", loader: "run:sign-in", params: sessionParams },
  "sessions.$sessionId.projector[.json].tsx": {
    path: "/sessions/x/projector.json",
    loader: "run:sign-in",
    params: sessionParams,
  },
  "sessions.$sessionId.kiosk.tsx": {
    path: "/sessions/x/kiosk",
    loader: "run:sign-in",
    action: "run:sign-in",
    params: sessionParams,
  },
  // Attendance marking (MARKING): the clerk's roster of a demo session; an empty form is refused with 400.
  "_app.sessions.$sessionId.attendance.tsx": {
    path: "/sessions/x/attendance",
    loader: "mark:attendance",
    action: "mark:attendance",
    params: async () => ({
      sessionId: (await ROUTES["courses.$courseId.sessions.$sessionId.sign-in-sheet.tsx"].params!()).sessionId,
    }),
  },
  "_app.my-training.$courseId.tsx": { path: "/my-training/x", loader: "signed-in", params: courseParams },
  "my-training.$courseId.calendar[.ics].tsx": {
    path: "/my-training/x/calendar.ics",
    loader: "signed-in",
    params: courseParams,
  },
  // Leave forms (step 011, LEAVE): every demo person may ask for leave (EMPLOYEE), so nobody is refused at the
  // door; what each sees is scoped inside (another's form answers 404), tested in leave-refusals.test.ts.
  "_app.leave._index.tsx": { path: "/leave", loader: "request:leave", action: "request:leave" },
  "_app.leave.new.tsx": { path: "/leave/new", loader: "request:leave", action: "request:leave" },
  "_app.leave.$leaveId.tsx": {
    path: "/leave/x",
    loader: "request:leave",
    action: "request:leave",
    params: async () => ({
      leaveId: (await db.leaveRequest.findFirst({ select: { id: true } }))?.id ?? "cl0000000000000000000000",
    }),
  },
  "leave.$leaveId.attachment.tsx": {
    path: "/leave/x/attachment",
    loader: "request:leave",
    params: () => ROUTES["_app.leave.$leaveId.tsx"].params!(),
  },
  // Make-ups (step 011): the clerk's and training manager's tracking; a trainee's own offers (everyone is
  // an employee; an empty form is refused as bad input, never as a permission).
  "_app.make-ups.tsx": { path: "/make-ups", loader: "read:make-ups" },
  "_app.my-make-ups.tsx": { path: "/my-make-ups", loader: "attend:training", action: "attend:training" },
  // Course evaluations (EVAL): every demo person is invited to rate a demo course here, so what is tested is
  // the door (answer:course-survey; whoever was not invited gets 403 inside, see evaluation-survey.test.ts);
  // an empty form is refused as bad input. The results: training department, leaders and lecturers.
  "_app.course-surveys.$courseId.tsx": {
    path: "/course-surveys/x",
    loader: "answer:course-survey",
    action: "answer:course-survey",
    params: evaluationParams,
  },
  "_app.evaluations._index.tsx": { path: "/evaluations", loader: "read:course-evaluation" },
  "_app.evaluations.$courseId.tsx": {
    path: "/evaluations/x",
    loader: "read:course-evaluation",
    params: evaluationParams,
  },
  // Pre-job assessments (step 012, ASSESS): readers at the door; who may assess or sign off a given new hire is
  // checked inside (403 with a message, nothing written), tested in assessment-access.test.ts.
  "_app.assessments._index.tsx": { path: "/assessments", loader: "read:assessment" },
  "_app.assessments.new.tsx": { path: "/assessments/new", loader: "assess:new-hire", action: "assess:new-hire" },
  "_app.assessments.$assessmentId.tsx": {
    path: "/assessments/x",
    loader: "read:assessment",
    action: "read:assessment",
    // A demo form (prisma/seed/assessments.ts) of 催收一部, so that D0101 may read it.
    params: async () => ({
      assessmentId: (
        await db.preJobAssessment.findFirstOrThrow({
          where: { person: { employeeNo: { startsWith: "C01" } } },
          select: { id: true },
        })
      ).id,
    }),
  },
  // Leaders' dashboard (DASH): leaders and the training manager see the company, a head their department;
  // a department out of a head's scope is refused inside (dashboard-scope.test.ts).
  "_app.dashboard.tsx": { path: "/dashboard", loader: "read:dashboard" },
  // The call-script rule loop (step 012, RULELOOP): per rule for a year, and one rule's page. A department head
  // is let in and sees their department's figures only (rule-loop-figures.test.ts).
  "_app.rule-loop._index.tsx": { path: "/rule-loop", loader: "read:rule-loop" },
  "_app.rule-loop.$ruleId.tsx": {
    path: "/rule-loop/B6",
    loader: "read:rule-loop",
    params: async () => ({ ruleId: "B6" }),
  },
  // Training archive (step 012, ARCHIVE): the clerk's and training manager's; the scans of the paper sheets too.
  "_app.archive.tsx": { path: "/archive", loader: "close:roster" },
  "_app.sessions.$sessionId.archive.tsx": {
    path: "/sessions/x/archive",
    loader: "close:roster",
    action: "close:roster",
    params: sessionParams,
  },
  "sessions.$sessionId.scans.$scanId.tsx": { path: "/sessions/x/scans/y", loader: "close:roster", params: scanParams },
  // Training files (step 012): the list sends an employee on to their own file; a file is opened as the
  // reader's own (another's is refused by scope with 403, which training-file-pages.test.ts covers).
  "_app.training-files._index.tsx": { path: "/training-files", loader: "read:training-file" },
  "_app.training-files.$personId._index.tsx": {
    path: "/training-files/x",
    loader: "read:training-file",
    params: ownFileParams,
  },
  "_app.training-files.export.tsx": { path: "/training-files/export", loader: "read:training-file" },
  "_app.training-files.$personId.export.tsx": {
    path: "/training-files/x/export",
    loader: "read:training-file",
    params: ownFileParams,
  },
  "training-files.$personId.print.tsx": {
    path: "/training-files/x/print",
    loader: "read:training-file",
    params: ownFileParams,
  },
};

// Course evaluations (EVAL): a demo course, with every demo person invited to rate it.
async function evaluationParams() {
  const course = await db.course.findFirstOrThrow({ where: { approval: { state: "APPROVED" } }, select: { id: true } });
  const people = await db.person.findMany({ where: { employeeNo: { in: DEMO_ROLES.map(([no]) => no) } } });
  await db.courseSurveyInvite.createMany({
    data: people.map((p) => ({ courseId: course.id, personId: p.id, invitedAt: DEMO_AT })),
    skipDuplicates: true,
  });
  return { courseId: course.id };
}

const DEMO_ROLES: Array<[string, RoleName[]]> = [
  ["A0001", ["ADMIN", "EMPLOYEE"]],
  // The general manager and the training manager head 总经办 and 培训部 too (the demo's heads).
  ["G0001", ["GENERAL_MANAGER", "DEPARTMENT_HEAD", "EMPLOYEE"]],
  ["L0001", ["APPROVING_LEADER", "EMPLOYEE"]],
  ["T0001", ["TRAINING_MANAGER", "DEPARTMENT_HEAD", "LECTURER", "EMPLOYEE"]],
  ["T0002", ["TRAINING_CLERK", "EMPLOYEE"]],
  ["D0101", ["DEPARTMENT_HEAD", "EMPLOYEE"]],
  ["C0101", ["EMPLOYEE"]],
];

async function run(file: string, kind: "loader" | "action", cookie: string | null) {
  const spec = ROUTES[file];
  const mod = await modules[`../../app/routes/${file}`]();
  const fn = mod[kind]!;
  // Anonymous visitors get made-up ids (the database is empty for them): the login check comes first.
  const params = cookie
    ? ((await spec.params?.()) ?? {})
    : Object.fromEntries([...file.matchAll(/\$(\w+)/g)].map(([, name]) => [name, "cl0000000000000000000000"]));
  // An empty form: an allowed role gets a validation answer, never a change.
  const request = requestAs(cookie, spec.path, kind === "action" ? { form: { intent: "save" } } : {});
  return outcome(async () => fn({ request, params, context: { cspNonce: "" } }));
}

const guarded = Object.keys(ROUTES).filter((f) =>
  [ROUTES[f].loader, ROUTES[f].action].some((g) => g && g !== "public"),
);

// Every test starts from the demo company (the anonymous checks read nothing, so it costs them nothing).
demoCompanyBeforeEachTest();

describe.each(guarded)("route %s", (file) => {
  const spec = ROUTES[file];
  for (const kind of ["loader", "action"] as const) {
    const guard = spec[kind];
    if (!guard || guard === "public") continue;

    // Needs no data: the session check comes before anything is read.
    it(`${kind}: anonymous visitors are sent to the login page`, async () => {
      const result = await run(file, kind, null);
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/login/);
    });

    it(`${kind}: each role is allowed or refused (403, audited) as the permission table says`, async () => {
      for (const [employeeNo, roles] of DEMO_ROLES) {
        const cookie = await cookieFor(employeeNo);
        const before = await db.auditEntry.count({ where: { action: "auth.refused" } });
        const result = await run(file, kind, cookie);
        const allowed = guard === "signed-in" || can(roles, guard);
        if (allowed) {
          expect(result.status, `${employeeNo} should be allowed`).not.toBe(403);
          expect(result.location ?? "", `${employeeNo} should not be sent to login`).not.toMatch(/^\/login/);
        } else {
          expect(result.status, `${employeeNo} should be refused`).toBe(403);
          expect(await db.auditEntry.count({ where: { action: "auth.refused" } })).toBe(before + 1);
        }
      }
    });
  }
});

it("every route file has an entry in the access table", async () => {
  const files = Object.keys(modules).map((p) => p.split("/").pop()!);
  expect(files.filter((f) => !ROUTES[f])).toEqual([]);
  for (const file of files) {
    const mod = await modules[`../../app/routes/${file}`]();
    if (mod.action) expect(ROUTES[file].action, `${file} has an action`).toBeDefined();
    if (mod.loader) expect(ROUTES[file].loader, `${file} has a loader`).toBeDefined();
  }
});
