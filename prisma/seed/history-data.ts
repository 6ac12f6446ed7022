// What the demo company's closed year is made of: the annual items of a year the other seeds do not plan,
// and the course each kind of item becomes (who teaches it, who attends, where, what it costs, which
// call-script rules it teaches and whether it ends with the case-work quiz). Data only.

export type Category = "NEW_HIRE" | "INTERNAL" | "TRANSFER" | "EXTERNAL" | "GROUP";
/** Who a course is for; resolved against the people employed at the time (history-people.ts). */
export type Audience =
  "col1" | "col2" | "col1AndCs" | "leaders" | "cs" | "csLead" | "newHires" | "transfer" | "lecturer";
// The fee agreed with the institution is the budgeted one (the budget page lists a difference once one differs).
export type External = { name: string; org: string; contact: string; feeFen: number; agreedFen: number };

export type CourseTemplate = {
  /** The department or batch the title names, after the item's own words. */
  title: (year: number, month: number) => string;
  outline: string;
  lecturer: "T0001" | "T0003" | External;
  audience: Audience;
  sessions: number;
  time: [string, string];
  room: string;
  fees: Partial<Record<"lecturerFeeFen" | "venueFeeFen" | "materialsFeeFen" | "otherFeeFen", number>>;
  rules: string[];
  quiz: boolean;
};

// [title, category, months, target, sessions, hours, delivery, lecturer type, budget yuan]
export type AnnualItem = [
  string,
  Category,
  number[],
  string,
  number,
  number,
  "INTERNAL" | "EXTERNAL",
  "INTERNAL" | "EXTERNAL" | "GROUP",
  number,
];

/** The annual plan of a year before the demo's own: every month has two or three items. */
export const HISTORY_ITEMS: AnnualItem[] = [
  ["话术规范培训", "INTERNAL", [1, 4, 7, 10], "全体催收员", 8, 3, "INTERNAL", "INTERNAL", 1200],
  ["新员工入职培训", "NEW_HIRE", [3, 6, 9, 12], "新入职催收员", 8, 6, "INTERNAL", "INTERNAL", 3600],
  ["投诉处理技巧", "INTERNAL", [2, 8], "催收员、客服专员", 2, 3, "INTERNAL", "INTERNAL", 0],
  ["情绪管理与压力调节", "INTERNAL", [5, 11], "催收员", 4, 3, "EXTERNAL", "EXTERNAL", 8000],
  ["法律法规培训", "EXTERNAL", [6], "催收组长", 1, 6, "EXTERNAL", "EXTERNAL", 3000],
  ["谈判与还款协商技巧", "INTERNAL", [3, 9], "催收员", 2, 4, "INTERNAL", "INTERNAL", 0],
  ["行动记载规范", "INTERNAL", [2, 5, 8, 11], "催收员", 4, 2, "INTERNAL", "INTERNAL", 0],
  ["电话礼仪与文明用语", "INTERNAL", [1, 7], "客服专员", 2, 2, "INTERNAL", "INTERNAL", 0],
  ["转岗培训（客服转催收）", "TRANSFER", [4, 10], "转岗人员", 2, 8, "INTERNAL", "INTERNAL", 0],
  ["内训师授课技巧（TTT）", "EXTERNAL", [4], "内训讲师", 2, 16, "EXTERNAL", "EXTERNAL", 6000],
  ["集团客户服务标准培训", "GROUP", [12], "客服主管", 1, 12, "EXTERNAL", "GROUP", 2000],
  ["年终合规复训（话术规范与投诉案例）", "INTERNAL", [11, 12], "全体催收员", 4, 3, "INTERNAL", "INTERNAL", 3000],
];

const batch = (year: number, month: number) => `${year} 年 ${month} 月`;
const A301 = "培训室 A301";
const A302 = "培训室 A302";
const SMALL = "培训部小会议室";
const AM: [string, string] = ["09:00", "12:00"];
const PM: [string, string] = ["14:00", "17:00"];

const HUAXIN: External = {
  name: "林晓岚",
  org: "上海华信企业管理咨询有限公司",
  contact: "021-6438 2210 / linxl@huaxin-consult.example.com",
  feeFen: 4000_00,
  agreedFen: 4000_00,
};
const MINGDE: External = {
  name: "陈立衡律师",
  org: "上海明德律师事务所",
  contact: "021-5308 7766 / training@mingde-law.example.com",
  feeFen: 3000_00,
  agreedFen: 3000_00,
};
const ZHILING: External = {
  name: "赵峰",
  org: "北京智领企业培训中心",
  contact: "010-8256 3390 / zhaofeng@zhiling.example.com",
  feeFen: 6000_00,
  agreedFen: 6000_00,
};
const GROUP_CENTRE: External = {
  name: "王敏（集团培训中心）",
  org: "集团总部培训中心",
  contact: "010-6588 1234 / training@group.example.com",
  feeFen: 1800_00,
  agreedFen: 1800_00,
};
const GROUP_COMPLIANCE: External = {
  name: "集团合规部讲师组",
  org: "集团总部合规部",
  contact: "010-6588 2200 / compliance@group.example.com",
  feeFen: 2500_00,
  agreedFen: 2500_00,
};

const bothDepartments = (
  base: Omit<CourseTemplate, "title" | "audience" | "lecturer">,
  name: string,
  lecturers: [CourseTemplate["lecturer"], CourseTemplate["lecturer"]],
): CourseTemplate[] => [
  { ...base, title: (y, m) => `${name}（${batch(y, m)}·催收一部）`, audience: "col1", lecturer: lecturers[0] },
  { ...base, title: (y, m) => `${name}（${batch(y, m)}·催收二部）`, audience: "col2", lecturer: lecturers[1] },
];

const ONBOARDING: CourseTemplate = {
  title: (y, m) => `新员工入职培训（${batch(y, m)}批次）`,
  outline:
    "一、公司介绍与催收作业要求；\n二、话术规范 B1–B17 与 OPS1–OPS4；\n三、录音固话与案件系统操作；\n四、行动记载规范；\n五、岗前话术考核。",
  lecturer: "T0003",
  audience: "newHires",
  sessions: 3,
  time: AM,
  room: A302,
  fees: { materialsFeeFen: 400_00, otherFeeFen: 200_00 },
  rules: ["B1", "B3", "B5", "B7", "OPS3", "REC1"],
  quiz: true,
};

/** The courses of an item, by the item's title (annual items) or by the unplanned kind. */
export const COURSES: Record<string, CourseTemplate[]> = {
  话术规范培训: bothDepartments(
    {
      outline:
        "一、身份核实与称呼（B1）；\n二、作业时间与身份表述（B3、B5）；\n三、第三方联系次数与信息披露（B8、B13）；\n四、不得随意挂断（B10）；\n五、课堂测验。",
      sessions: 1,
      time: PM,
      room: A301,
      fees: { materialsFeeFen: 150_00 },
      rules: ["B1", "B3", "B5", "B8", "B10", "B13"],
      quiz: true,
    },
    "话术规范逐条精讲",
    ["T0003", "T0001"],
  ),
  新员工入职培训: [ONBOARDING],
  NEW_HIRE: [ONBOARDING],
  投诉处理技巧: [
    {
      title: (y, m) => `投诉处理技巧与录音复盘（${batch(y, m)}）`,
      outline: "一、近期投诉录音复盘；\n二、困难客户的沟通方式（B16）；\n三、不得诱导投诉（B17）；\n四、情景演练。",
      lecturer: "T0001",
      audience: "col1AndCs",
      sessions: 1,
      time: PM,
      room: A301,
      fees: {},
      rules: ["B10", "B16", "B17"],
      quiz: false,
    },
  ],
  情绪管理与压力调节: bothDepartments(
    {
      outline:
        "一、高强度外呼下的情绪识别；\n二、被辱骂时的应对话术，杜绝侮辱、挑衅用语（B6）；\n三、不得进行人身攻击（B9）；\n四、特殊困难客户的沟通（B16）；\n五、减压练习。",
      sessions: 1,
      time: ["14:00", "17:30"],
      room: A301,
      fees: { venueFeeFen: 0 },
      rules: ["B6", "B9", "B16"],
      quiz: false,
    },
    "情绪管理与文明沟通",
    [HUAXIN, HUAXIN],
  ),
  法律法规培训: [
    {
      title: (y, m) => `催收相关法律法规专题（${batch(y, m)}）`,
      outline:
        "一、民法典合同编与个人信息保护法要点；\n二、准确引用法律条文（B2）；\n三、不得煽动非法筹款（B14）；\n四、否认欠款时的处理（B4）。",
      lecturer: MINGDE,
      audience: "leaders",
      sessions: 1,
      time: ["09:00", "16:00"],
      room: "明德律师事务所培训厅（黄浦区延安东路 55 号）",
      fees: { otherFeeFen: 200_00 },
      rules: ["B2", "B4", "B14"],
      quiz: false,
    },
  ],
  谈判与还款协商技巧: [
    {
      title: (y, m) => `还款协商与谈判技巧（${batch(y, m)}）`,
      outline:
        "一、还款能力评估；\n二、正确告知欠款与官方还款渠道（B11）；\n三、不得超权限承诺、不得承诺减免（B12、OPS4）；\n四、角色扮演。",
      lecturer: "T0001",
      audience: "col2",
      sessions: 2,
      time: PM,
      room: A302,
      fees: { materialsFeeFen: 200_00 },
      rules: ["B11", "B12", "OPS4"],
      quiz: true,
    },
  ],
  "转岗培训（客服转催收）": [
    {
      title: (y, m) => `转岗培训：客服转催收（${batch(y, m)}）`,
      outline: "催收岗位职责、作业时间（B3）、身份核实（B1）、第三方联系规范（B8）、录音固话（OPS3）与案件系统操作。",
      lecturer: "T0001",
      audience: "transfer",
      sessions: 2,
      time: PM,
      room: SMALL,
      fees: {},
      rules: ["B1", "B3", "B8", "OPS3"],
      quiz: false,
    },
  ],
  行动记载规范: [
    {
      title: (y, m) => `行动记载规范与质检案例（${batch(y, m)}）`,
      outline:
        "一、行动记载真实、及时、简明（REC1）；\n二、第三人称、文明客观（REC2）；\n三、拨打号码与录音一致（REC3）；\n四、质检抽查案例。",
      lecturer: "T0003",
      audience: "col2",
      sessions: 1,
      time: AM,
      room: A301,
      fees: {},
      rules: ["REC1", "REC2", "REC3"],
      quiz: false,
    },
  ],
  电话礼仪与文明用语: [
    {
      title: (y, m) => `电话礼仪与文明用语（${batch(y, m)}）`,
      outline: "接听与外呼礼仪；文明用语清单；不得随意挂断（B10）；投诉来电的首问负责。",
      lecturer: "T0003",
      audience: "cs",
      sessions: 1,
      time: AM,
      room: SMALL,
      fees: {},
      rules: ["B10"],
      quiz: false,
    },
  ],
  "内训师授课技巧（TTT）": [
    {
      title: (y, m) => `内训师授课技巧（TTT，${batch(y, m)}）`,
      outline: "课程开发五步法；成人学习特点；课堂控场与互动；试讲与点评。",
      lecturer: ZHILING,
      audience: "lecturer",
      sessions: 2,
      time: ["09:00", "17:00"],
      room: "智领培训中心上海分部（静安区南京西路 1266 号）",
      fees: { otherFeeFen: 400_00 },
      rules: [],
      quiz: false,
    },
  ],
  集团客户服务标准培训: [
    {
      title: (y, m) => `集团客户服务标准培训（${batch(y, m)}）`,
      outline: "集团统一客户服务标准、投诉升级流程与考核要求（集团总部组织）。",
      lecturer: GROUP_CENTRE,
      audience: "csLead",
      sessions: 1,
      time: ["09:00", "17:00"],
      room: "集团总部培训中心 3 楼",
      fees: { otherFeeFen: 400_00 },
      rules: [],
      quiz: false,
    },
  ],
  集团年度合规培训: [
    {
      title: (y, m) => `集团年度合规培训（${batch(y, m)}）`,
      outline: "集团合规要求解读；准确引用法律（B2）；身份表述（B5）；外访信息保护（OPS1）。",
      lecturer: GROUP_COMPLIANCE,
      audience: "leaders",
      sessions: 1,
      time: ["09:00", "16:00"],
      room: "集团总部培训中心 5 楼",
      fees: { otherFeeFen: 300_00 },
      rules: ["B2", "B5", "OPS1"],
      quiz: false,
    },
  ],
  "年终合规复训（话术规范与投诉案例）": bothDepartments(
    {
      outline:
        "一、全年投诉与质检案例复盘；\n二、第三方联系与信息披露（B8、B13）；\n三、超权限承诺（B12）；\n四、行动记载与录音一致（REC3）；\n五、课堂测验。",
      sessions: 1,
      time: PM,
      room: A301,
      fees: { materialsFeeFen: 300_00 },
      rules: ["B1", "B8", "B10", "B12", "B13", "REC3"],
      quiz: true,
    },
    "年终合规复训：案例复盘",
    ["T0003", "T0001"],
  ),
  REFRESHER: bothDepartments(
    {
      outline:
        "一、本月质检抽查问题通报；\n二、第三方联系次数（B8）与信息披露（B13）；\n三、作业时间（B3）；\n四、行动记载与录音一致（REC3）。",
      sessions: 1,
      time: PM,
      room: A301,
      fees: {},
      rules: ["B3", "B8", "B13", "REC3"],
      quiz: true,
    },
    "话术规范专项复训",
    ["T0003", "T0003"],
  ),
};

export const REFRESHER_ITEM = {
  title: (month: number) => `话术规范专项复训（${month}月）`,
  reason: "质检抽查发现第三方联系次数超限和行动记载与录音不一致的问题较多，本月增加专项复训。",
};
export const ONBOARDING_ITEM = {
  title: (month: number) => `新员工入职培训（${month}月）`,
  reason: (count: number) => `本月新入职 ${count} 人，须完成岗前培训并通过话术考核后方可作业。`,
};

/** Why the training manager sent a course back once in a while (then resubmitted it). */
export const COURSE_REJECTIONS = [
  "讲师费偏高，请与机构再议后重新提交。",
  "场次与催收高峰时段冲突，请调整到下午。",
  "参训名单漏了新入职人员，请补齐。",
];
export const MONTHLY_REJECTION = "新员工入职培训的预算偏低，请按实际人数重新核算后提交。";
export const BRING = "笔记本、笔；工牌；本人常用的催收话术记录（如有）";
export const LEAVE_REASONS: Array<["ILLNESS" | "FAMILY" | "BUSINESS_TRIP" | "WORK_CONFLICT", string]> = [
  ["ILLNESS", "发烧就医，附社区医院病假条。"],
  ["BUSINESS_TRIP", "随部门经理赴委托银行对账。"],
  ["FAMILY", "家中老人住院，需陪护一天。"],
  ["WORK_CONFLICT", "当天批量案件到期，经部门经理同意改参加下一场。"],
  ["ILLNESS", "牙科手术后需休息。"],
];
