// The 中文 (zh-CN) catalog: every area's file under its area's name (its keys are "<area>.…"). Imported by
// name, not through Vite's import.meta.glob, so the seed, scripts and workers that run without Vite can
// translate too; catalogs.ts has both languages, the browser loads one at a time (catalogs.browser.ts).
import zhArchive from "./zh-CN/archive.json";
import zhAssessment from "./zh-CN/assessment.json";
import zhAttendance from "./zh-CN/attendance.json";
import zhAudit from "./zh-CN/audit.json";
import zhAuth from "./zh-CN/auth.json";
import zhBudget from "./zh-CN/budget.json";
import zhCases from "./zh-CN/cases.json";
import zhCertification from "./zh-CN/certification.json";
import zhClearance from "./zh-CN/clearance.json";
import zhCommon from "./zh-CN/common.json";
import zhConfirmations from "./zh-CN/confirmations.json";
import zhCourse from "./zh-CN/course.json";
import zhDashboard from "./zh-CN/dashboard.json";
import zhDelivery from "./zh-CN/delivery.json";
import zhDepartments from "./zh-CN/departments.json";
import zhErrors from "./zh-CN/errors.json";
import zhEvaluation from "./zh-CN/evaluation.json";
import zhHome from "./zh-CN/home.json";
import zhJobs from "./zh-CN/jobs.json";
import zhLeave from "./zh-CN/leave.json";
import zhMail from "./zh-CN/mail.json";
import zhMakeUps from "./zh-CN/makeUps.json";
import zhMonthlyPlan from "./zh-CN/monthlyPlan.json";
import zhNav from "./zh-CN/nav.json";
import zhNeeds from "./zh-CN/needs.json";
import zhNotices from "./zh-CN/notices.json";
import zhPeople from "./zh-CN/people.json";
import zhPeopleImport from "./zh-CN/peopleImport.json";
import zhPlan from "./zh-CN/plan.json";
import zhPreparation from "./zh-CN/preparation.json";
import zhQuiz from "./zh-CN/quiz.json";
import zhRoles from "./zh-CN/roles.json";
import zhRuleLoop from "./zh-CN/ruleLoop.json";
import zhScheduling from "./zh-CN/scheduling.json";
import zhSessionDay from "./zh-CN/sessionDay.json";
import zhSettings from "./zh-CN/settings.json";
import zhSignIn from "./zh-CN/signIn.json";
import zhTodo from "./zh-CN/todo.json";
import zhTraining from "./zh-CN/training.json";
import zhTrainingFile from "./zh-CN/trainingFile.json";
import zhValidation from "./zh-CN/validation.json";
import zhWorkflow from "./zh-CN/workflow.json";

const catalog = {
  audit: zhAudit,
  auth: zhAuth,
  budget: zhBudget,
  cases: zhCases,
  certification: zhCertification,
  clearance: zhClearance,
  common: zhCommon,
  confirmations: zhConfirmations,
  course: zhCourse,
  delivery: zhDelivery,
  signIn: zhSignIn,
  leave: zhLeave,
  attendance: zhAttendance,
  makeUps: zhMakeUps,
  archive: zhArchive,
  trainingFile: zhTrainingFile,
  assessment: zhAssessment,
  evaluation: zhEvaluation,
  ruleLoop: zhRuleLoop,
  scheduling: zhScheduling,
  dashboard: zhDashboard,
  departments: zhDepartments,
  errors: zhErrors,
  home: zhHome,
  jobs: zhJobs,
  mail: zhMail,
  monthlyPlan: zhMonthlyPlan,
  nav: zhNav,
  needs: zhNeeds,
  notices: zhNotices,
  people: zhPeople,
  peopleImport: zhPeopleImport,
  plan: zhPlan,
  preparation: zhPreparation,
  quiz: zhQuiz,
  roles: zhRoles,
  sessionDay: zhSessionDay,
  settings: zhSettings,
  todo: zhTodo,
  training: zhTraining,
  validation: zhValidation,
  workflow: zhWorkflow,
} as const;
export default catalog;
