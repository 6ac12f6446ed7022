// Words the bench company is made of, in the demo seed's style (prisma/seed/demo.ts, cases.ts,
// history-data.ts), so the pages of a 5,000-person company read like the demo's.

export const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
];
export const GIVEN = [
  ..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚文华红",
  ..."秀英 桂英 建华 玉兰 晓东 思远 雨涵 子轩 欣怡 浩然 梓涵 俊杰 佳怡 宇航 晓燕 海涛 丽娟 志强 春梅 国庆".split(" "),
];

export const DEPARTMENT_NUMBERS = ["三", "四", "五", "六", "七", "八", "九", "十"];
export const TEAM_NUMBERS = ["一", "二", "三", "四"];

export const BANKS = [
  "江南商业银行信用卡中心",
  "华东农商银行零售信贷部",
  "海港银行信用卡中心",
  "中原消费金融有限公司",
  "西湖小额贷款有限公司",
];
export const CITIES = [
  ["310104", "上海市徐汇区漕溪北路"],
  ["320102", "南京市玄武区中山路"],
  ["330106", "杭州市西湖区文三路"],
  ["340104", "合肥市蜀山区长江西路"],
  ["320506", "苏州市吴中区东吴北路"],
] as const;

export const COURSE_TOPICS: Array<[string, "NEW_HIRE" | "INTERNAL" | "TRANSFER" | "EXTERNAL" | "GROUP"]> = [
  ["新员工入职培训", "NEW_HIRE"],
  ["话术规范专项复训", "INTERNAL"],
  ["催收合规与红线话术", "INTERNAL"],
  ["第三方联系规范", "INTERNAL"],
  ["行动记载与录音一致性", "INTERNAL"],
  ["调岗人员催收业务培训", "TRANSFER"],
  ["个人信息保护法专题", "EXTERNAL"],
  ["情绪管理与投诉处理", "EXTERNAL"],
  ["集团合规年度培训", "GROUP"],
  ["组长带教与质检方法", "INTERNAL"],
];
export const ROOMS = ["培训室A301", "培训室A302", "多功能厅B1", "线上会议室", "培训室C201"];
export const PROBLEMS = ["第三方联系次数超限", "承诺还款跟进不及时", "行动记载与录音不一致", "红线话术", "投诉率偏高"];
export const LEAVE_REASONS: Array<["ILLNESS" | "FAMILY" | "BUSINESS_TRIP" | "WORK_CONFLICT", string]> = [
  ["ILLNESS", "发烧就医，附社区医院病假条。"],
  ["BUSINESS_TRIP", "随部门经理赴委托银行对账。"],
  ["FAMILY", "家中老人住院，需陪护一天。"],
  ["WORK_CONFLICT", "当天批量案件到期，经部门经理同意改参加下一场。"],
];
export const RESULTS = ["承诺还款", "无人接听", "拒绝还款", "已还款", "号码空号", "转告家属", "协商分期"];
export const RELATIONS = ["本人", "配偶", "父母", "同事", "朋友"];
export const AUDIT_ACTIONS = [
  ["auth.login", "Person"],
  ["course.published", "Course"],
  ["attendance.marked", "CourseSession"],
  ["roster.closed", "CourseSession"],
  ["quiz.submitted", "QuizAttempt"],
  ["case.action.saved", "CollectionCase"],
  ["leave.approved", "LeaveRequest"],
  ["approval.approved", "Approval"],
] as const;

export function personName(i: number): string {
  return SURNAMES[(i * 7 + Math.floor(i / 97)) % SURNAMES.length] + GIVEN[(i * 11 + Math.floor(i / 13)) % GIVEN.length];
}

export function mobile(i: number): string {
  const prefixes = ["138", "139", "136", "186", "158", "177", "135", "150"];
  return prefixes[i % prefixes.length] + String(10_000_000 + ((i * 7_919_113) % 89_999_999)).padStart(8, "0");
}
