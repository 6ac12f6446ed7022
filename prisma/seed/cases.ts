// Demo case work: a batch of credit-card cases from a (fictitious) bank, assigned across both
// collection departments; the slur list; a few action records and refused breaches for the board;
// and the demo key of the clearance API. ID and card numbers are made up but well-formed.
import { contactKey, numberKey } from "../../app/domain/cases/action-rules";
import { encryptNumber } from "../../app/domain/cases/case-crypto.server";
import { maskCardNumber } from "../../app/domain/cases/case-numbers";
import { DEFAULT_SLUR_WORDS } from "../../app/domain/cases/default-slur-words";
import { hashApiKey, keyPrefix } from "../../app/domain/clearance/api-key-rules";
import { now } from "../../app/utils/clock.server";
import type { Tx } from "../../app/utils/db.server";
import { db } from "../../app/utils/db.server";
import { env } from "../../app/utils/env.server";
import { maskIdNumber } from "../../app/utils/mask";

const DAY = 86_400_000;
export const DEMO_BANK = "江南商业银行信用卡中心";
// Published like the demo password: it opens the demo company's clearance API only.
export const DEMO_API_KEY = "tgk_demo_case_system_2026_not_for_production";
export const DEMO_SLUR_WORDS = DEFAULT_SLUR_WORDS;

const DEBTORS = [
  "张伟强",
  "王秀兰",
  "李国栋",
  "刘美玲",
  "陈建军",
  "杨丽萍",
  "黄志明",
  "赵雪梅",
  "周海波",
  "吴晓红",
  "徐振宇",
  "孙桂芳",
  "马俊峰",
  "朱玉珍",
  "胡永刚",
  "郭淑华",
  "林志坚",
  "何春燕",
  "高德胜",
  "罗冬梅",
  "郑宏伟",
  "梁小燕",
  "谢金龙",
  "宋佳慧",
  "唐立新",
  "韩月娥",
];
const AREAS = [
  ["310104", "上海市徐汇区漕溪北路"],
  ["320102", "南京市玄武区中山路"],
  ["330106", "杭州市西湖区文三路"],
  ["340104", "合肥市蜀山区长江西路"],
  ["320506", "苏州市吴中区东吴北路"],
];

/** A well-formed resident ID number (correct check character) for a made-up person. */
export function demoIdNumber(i: number): string {
  const area = AREAS[i % AREAS.length][0];
  const month = String(1 + (i % 12)).padStart(2, "0");
  const day = String(1 + ((i * 7) % 28)).padStart(2, "0");
  const birth = `19${70 + (i % 25)}${month}${day}`;
  const body = `${area}${birth}${String(100 + ((i * 37) % 900)).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return body + "10X98765432"[weights.reduce((s, w, k) => s + w * Number(body[k]), 0) % 11];
}

/** A 16-digit card number of the 6222 range passing the Luhn check. */
export function demoCardNumber(i: number): string {
  const body = `622200${String(100_000_000 + i * 7_654_321).slice(-9)}`;
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    let d = Number(body[body.length - 1 - k]);
    if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export async function seedCases(tx: Tx, at: Date = now()) {
  const dept = async (code: string) =>
    (await tx.department.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  const person = async (employeeNo: string) =>
    (await tx.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true } })).id;
  const [col1, col2, head1, head2] = [
    await dept("COL1"),
    await dept("COL2"),
    await person("D0101"),
    await person("D0201"),
  ];
  // Who works which case: C0101 (not certified) and C0102 (certified) get cases for the browser test.
  const plan: Array<[string, string | null]> = [
    ["COL1", "C0101"],
    ["COL1", "C0101"],
    ["COL1", "C0102"],
    ["COL1", "C0102"],
    ["COL1", "C0102"],
    ["COL1", "C0104"],
    ["COL1", "C0105"],
    ["COL1", "C0108"],
    ["COL1", "C0110"],
    ["COL1", "C0112"],
    ["COL1", null],
    ["COL1", null],
    ["COL1", null],
    ["COL2", "C0202"],
    ["COL2", "C0202"],
    ["COL2", "C0204"],
    ["COL2", "C0205"],
    ["COL2", "C0206"],
    ["COL2", "C0208"],
    ["COL2", "C0210"],
    ["COL2", "C0212"],
    ["COL2", "C0215"],
    ["COL2", null],
    ["COL2", null],
    ["COL2", null],
    ["COL2", null],
  ];
  const batch = async (departmentId: string, importedById: string, count: number) =>
    (
      await tx.caseBatch.create({
        data: {
          clientBank: DEMO_BANK,
          fileName: "江南银行委案-2026年11月.xlsx",
          departmentId,
          importedById,
          importedAt: new Date(at.getTime() - 6 * DAY),
          caseCount: count,
        },
        select: { id: true },
      })
    ).id;
  const batches = {
    COL1: await batch(col1, head1, plan.filter((p) => p[0] === "COL1").length),
    COL2: await batch(col2, head2, plan.filter((p) => p[0] === "COL2").length),
  };
  const agents = new Map<string, string>();
  for (const [, no] of plan) if (no && !agents.has(no)) agents.set(no, await person(no));

  const cases = [];
  for (const [i, [code, agentNo]] of plan.entries()) {
    const idNumber = demoIdNumber(i + 1);
    const cardNumber = demoCardNumber(i + 1);
    cases.push({
      caseNo: `JN2611-${String(i + 1).padStart(4, "0")}`,
      batchId: batches[code as "COL1" | "COL2"],
      clientBank: DEMO_BANK,
      debtorName: DEBTORS[i % DEBTORS.length],
      idNumberEnc: encryptNumber(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      cardNumberEnc: encryptNumber(cardNumber),
      cardNumberMasked: maskCardNumber(cardNumber),
      amountOwedFen: 300_000 + ((i * 7_919_33) % 9_500_000),
      overdueDays: 35 + ((i * 47) % 400),
      phones: [`13${String(800_000_000 + i * 1_234_567).slice(0, 9)}`],
      address: `${AREAS[i % AREAS.length][1]}${10 + i * 3}号`,
      mandateDueDate: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 3, 1)),
      departmentId: code === "COL1" ? col1 : col2,
      assignedToId: agentNo ? agents.get(agentNo)! : null,
      assignedAt: agentNo ? new Date(at.getTime() - 5 * DAY) : null,
    });
  }
  const created = await tx.collectionCase.createManyAndReturn({
    data: cases,
    select: { id: true, caseNo: true, assignedToId: true },
  });
  await tx.caseSlurWord.createMany({ data: DEMO_SLUR_WORDS.map((word) => ({ word })), skipDuplicates: true });

  // Some history: calls already recorded on C0102's first case, and breaches refused earlier.
  const c0102 = agents.get("C0102")!;
  const first = created.find((c) => c.assignedToId === c0102)!;
  const daytime = (daysAgo: number, hourUtc: number) =>
    new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - daysAgo, hourUtc, 15));
  await tx.caseAction.createMany({
    data: [
      {
        caseId: first.id,
        personId: c0102,
        type: "CALL_DEBTOR",
        at: daytime(3, 2),
        numberDialled: numberKey(cases[2].phones[0]),
        numberKey: numberKey(cases[2].phones[0]),
        contactName: cases[2].debtorName,
        contactKey: contactKey(cases[2].debtorName),
        relation: "SELF",
        result: "NEGOTIATING",
        note: "本人接听，核实身份后告知欠款金额，称月底前筹款。",
      },
      {
        caseId: first.id,
        personId: c0102,
        type: "CALL_DEBTOR",
        at: daytime(1, 6),
        numberDialled: numberKey(cases[2].phones[0]),
        numberKey: numberKey(cases[2].phones[0]),
        contactName: cases[2].debtorName,
        contactKey: contactKey(cases[2].debtorName),
        relation: "SELF",
        result: "PROMISED",
        promiseAmountFen: 200_000,
        promiseDate: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 7)),
        note: "本人承诺下周通过银行柜台还款 2000 元。",
      },
    ],
  });
  const breach = (no: string, ruleId: string, daysAgo: number, actionType: "CALL_DEBTOR" | "CALL_THIRD_PARTY") => ({
    at: daytime(daysAgo, 5),
    personId: agents.get(no)!,
    caseId: created.find((c) => c.assignedToId === agents.get(no))?.id ?? null,
    ruleId,
    actionType,
  });
  await tx.caseRuleBreach.createMany({
    data: [
      breach("C0105", "B3", 4, "CALL_DEBTOR"),
      breach("C0105", "REC3", 3, "CALL_DEBTOR"),
      breach("C0204", "B6", 2, "CALL_DEBTOR"),
      breach("C0204", "REC2", 2, "CALL_DEBTOR"),
      breach("C0208", "B8", 1, "CALL_THIRD_PARTY"),
    ],
  });
}

/** The demo company's clearance API key: CASE_SYSTEM_API_KEY, or the published demo key. Returns it to print. */
export async function ensureDemoApiKey(): Promise<string> {
  const key = env().CASE_SYSTEM_API_KEY ?? DEMO_API_KEY;
  const keyHash = hashApiKey(key);
  const found = await db.apiKey.findUnique({ where: { keyHash }, select: { id: true } });
  if (!found)
    await db.apiKey.create({
      data: { name: "催收作业系统（演示）", prefix: keyPrefix(key), keyHash, createdAt: now() },
    });
  return key;
}
