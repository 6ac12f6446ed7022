// The demo logins, shown by `npm start` and on the login page in demo mode (no heavy imports here:
// the login route loads this file).
export const DEMO_PASSWORD = "TrainGate-demo-2026";

export const DEMO_ACCOUNTS = [
  { employeeNo: "A0001", zh: "系统管理员", en: "Administrator" },
  { employeeNo: "G0001", zh: "总经理（总经办负责人）", en: "General manager (head of the GM's office)" },
  { employeeNo: "L0001", zh: "分管培训领导", en: "Approving leader" },
  { employeeNo: "T0001", zh: "培训部负责人", en: "Training manager (head of Training)" },
  { employeeNo: "T0002", zh: "培训部文员", en: "Training clerk" },
  { employeeNo: "D0101", zh: "催收一部负责人", en: "Head of Collections 1" },
  { employeeNo: "D0201", zh: "催收二部负责人", en: "Head of Collections 2" },
  { employeeNo: "K0001", zh: "客服部负责人", en: "Head of Customer Service" },
  { employeeNo: "C0101–C0120", zh: "催收一部 催收员", en: "Agents, Collections 1" },
  { employeeNo: "C0201–C0220", zh: "催收二部 催收员", en: "Agents, Collections 2" },
];
