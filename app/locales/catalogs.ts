// Every message catalog, imported by name (not through Vite's import.meta.glob), so the seed, scripts and
// worker processes that run without Vite can translate too. tests/unit/catalogs.test.ts checks that this
// list names every file in app/locales/<locale>/.
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

export const CATALOGS = {
  "zh-CN": {
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
  },
  en: {
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
  },
} as const;
