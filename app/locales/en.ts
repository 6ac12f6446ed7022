// The English (en) catalog: every area's file under its area's name (its keys are "<area>.…"). Imported by
// name, not through Vite's import.meta.glob, so the seed, scripts and workers that run without Vite can
// translate too; catalogs.ts has both languages, the browser loads one at a time (catalogs.browser.ts).
import enArchive from "./en/archive.json";
import enAssessment from "./en/assessment.json";
import enAttendance from "./en/attendance.json";
import enAudit from "./en/audit.json";
import enAuth from "./en/auth.json";
import enBudget from "./en/budget.json";
import enCases from "./en/cases.json";
import enCertification from "./en/certification.json";
import enClearance from "./en/clearance.json";
import enCommon from "./en/common.json";
import enConfirmations from "./en/confirmations.json";
import enCourse from "./en/course.json";
import enDashboard from "./en/dashboard.json";
import enDelivery from "./en/delivery.json";
import enDepartments from "./en/departments.json";
import enErrors from "./en/errors.json";
import enEvaluation from "./en/evaluation.json";
import enHome from "./en/home.json";
import enJobs from "./en/jobs.json";
import enLeave from "./en/leave.json";
import enMail from "./en/mail.json";
import enMakeUps from "./en/makeUps.json";
import enMonthlyPlan from "./en/monthlyPlan.json";
import enNav from "./en/nav.json";
import enNeeds from "./en/needs.json";
import enNotices from "./en/notices.json";
import enPeople from "./en/people.json";
import enPeopleImport from "./en/peopleImport.json";
import enPlan from "./en/plan.json";
import enPreparation from "./en/preparation.json";
import enQuiz from "./en/quiz.json";
import enRoles from "./en/roles.json";
import enRuleLoop from "./en/ruleLoop.json";
import enScheduling from "./en/scheduling.json";
import enSessionDay from "./en/sessionDay.json";
import enSettings from "./en/settings.json";
import enSignIn from "./en/signIn.json";
import enTodo from "./en/todo.json";
import enTraining from "./en/training.json";
import enTrainingFile from "./en/trainingFile.json";
import enValidation from "./en/validation.json";
import enWorkflow from "./en/workflow.json";

const catalog = {
  audit: enAudit,
  auth: enAuth,
  budget: enBudget,
  cases: enCases,
  certification: enCertification,
  clearance: enClearance,
  common: enCommon,
  confirmations: enConfirmations,
  course: enCourse,
  delivery: enDelivery,
  signIn: enSignIn,
  leave: enLeave,
  attendance: enAttendance,
  makeUps: enMakeUps,
  archive: enArchive,
  trainingFile: enTrainingFile,
  assessment: enAssessment,
  evaluation: enEvaluation,
  ruleLoop: enRuleLoop,
  scheduling: enScheduling,
  dashboard: enDashboard,
  departments: enDepartments,
  errors: enErrors,
  home: enHome,
  jobs: enJobs,
  mail: enMail,
  monthlyPlan: enMonthlyPlan,
  nav: enNav,
  needs: enNeeds,
  notices: enNotices,
  people: enPeople,
  peopleImport: enPeopleImport,
  plan: enPlan,
  preparation: enPreparation,
  quiz: enQuiz,
  roles: enRoles,
  sessionDay: enSessionDay,
  settings: enSettings,
  todo: enTodo,
  training: enTraining,
  validation: enValidation,
  workflow: enWorkflow,
} as const;
export default catalog;
