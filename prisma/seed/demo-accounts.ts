// The demo logins, shown by `npm start` and on the login page in demo mode (no heavy imports here:
// the login route loads this file).
export const DEMO_PASSWORD = "TrainGate-demo-2026";

export const DEMO_ACCOUNTS = [
  { employeeNo: "A0001", label: "系统管理员 Administrator" },
  { employeeNo: "G0001", label: "总经理 General manager" },
  { employeeNo: "L0001", label: "分管培训领导 Approving leader" },
  { employeeNo: "T0001", label: "培训部负责人 Training manager" },
  { employeeNo: "T0002", label: "培训部文员 Training clerk" },
  { employeeNo: "D0101", label: "催收一部负责人 Head of Collections 1" },
  { employeeNo: "D0201", label: "催收二部负责人 Head of Collections 2" },
  { employeeNo: "C0101–C0120", label: "催收一部 催收员 Agents" },
  { employeeNo: "C0201–C0220", label: "催收二部 催收员 Agents" },
];
