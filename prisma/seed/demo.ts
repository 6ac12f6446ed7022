// The demo company: created by `npm start` into an empty database, never in production mode.
import { hashPassword } from "../../app/domain/auth/password.server";
import { writeAudit } from "../../app/utils/audit.server";
import { now } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";

import { seedArchive } from "./archive";
import { seedAssessments } from "./assessments";
import { seedAttendance } from "./attendance";
import { seedBudgets } from "./budget";
import { seedCases } from "./cases";
import { seedCourseRules } from "./course-rules";
import { seedDelivery } from "./delivery";
import { DEMO_PASSWORD } from "./demo-accounts";
import { seedEvaluations } from "./evaluations";
import { makeDepartment, makePerson } from "./factories";
import { seedHistory } from "./history";
import { seedLeave, seedMakeUps } from "./leave";
import { seedMonthlyPlans } from "./monthly-plan";
import { seedQuiz } from "./quiz";
import { seedRooms } from "./rooms";
import { seedTrainingPlan } from "./training-plan";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split(
    "",
  );
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "文",
  "华",
  "玉兰",
  "红",
  "晓东",
  "思远",
  "雨涵",
  "子轩",
  "欣怡",
  "浩然",
  "梓涵",
  "俊杰",
  "佳怡",
  "宇航",
  "晓燕",
  "海涛",
  "丽娟",
];

function demoName(i: number) {
  return SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 11) % GIVEN.length];
}

function demoPhone(i: number) {
  const prefixes = ["138", "139", "136", "186", "158", "177", "135", "150"];
  return prefixes[i % prefixes.length] + String(10_000_000 + ((i * 7_919_113) % 89_999_999)).padStart(8, "0");
}

export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await db.person.count()) > 0) return false;
  await seedDemo();
  return true;
}

// One hash for every demo account (they share a published password anyway), made once per process.
let demoHash: Promise<string> | undefined;

/**
 * The time limit of the seed's one transaction. Idle, the seed takes 3–6 s; at load 15–28 on 2 cores it
 * gets a fifteenth of a core or less and ran past the former 60 s. It writes into an empty database that
 * nothing else uses yet (before the server listens, or a test's own database), so no one waits on its locks
 * and a long limit costs nothing; it only bounds a seed that truly hangs. Five minutes is 50–100 × the idle
 * time. When it runs out, Prisma rolls back while a read may still be under way, and the rest of that read
 * runs outside the transaction on the released connection (it then meets rows it created as missing, e.g.
 * a roster's attendee without a person): the error then says the limit ran out.
 */
export const DEMO_SEED_TIMEOUT_MS = 300_000;
/** Waiting for a connection to start it: the pool is empty at the start, and connecting is slow under load. */
const DEMO_SEED_MAX_WAIT_MS = 60_000;

/** The seed's transaction ran out of its time limit (whatever failed after that is not the cause). */
export class DemoSeedTimeLimitError extends Error {
  constructor(timeoutMs: number, cause: unknown) {
    const after = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    super(`The demo seed ran past its time limit of ${timeoutMs / 1000} s and was rolled back (then: ${after})`, {
      cause,
    });
    this.name = "DemoSeedTimeLimitError";
  }
}

/** The demo company as it stands on `at` (the clock's today unless a test says otherwise). */
export async function seedDemo(at: Date = now(), { timeoutMs = DEMO_SEED_TIMEOUT_MS } = {}) {
  const passwordHash = await (demoHash ??= hashPassword(DEMO_PASSWORD));
  // Set when the limit has passed; Prisma's own timer for it starts a moment later (after BEGIN).
  let expired = false;
  const limit = setTimeout(() => (expired = true), timeoutMs);
  try {
    await seedDemoWithin(at, passwordHash, timeoutMs);
  } catch (error) {
    throw expired ? new DemoSeedTimeLimitError(timeoutMs, error) : error;
  } finally {
    clearTimeout(limit);
  }
}

async function seedDemoWithin(at: Date, passwordHash: string, timeoutMs: number) {
  const daysAgo = (days: number) => {
    const d = new Date(at);
    d.setUTCHours(0, 0, 0, 0);
    d.setUTCDate(d.getUTCDate() - days);
    return d;
  };
  await db.$transaction(
    async (tx) => {
      const company = await makeDepartment(tx, { code: "JYXH", name: "嘉亿信合资产管理有限公司", kind: "COMPANY" });
      const dept = async (code: string, name: string, sortOrder: number) =>
        makeDepartment(tx, { code, name, parentId: company.id, sortOrder });
      const gmo = await dept("GMO", "总经办", 1);
      const training = await dept("TRN", "培训部", 2);
      const service = await dept("CS", "客服部", 3);
      const col1 = await dept("COL1", "催收一部", 4);
      const col2 = await dept("COL2", "催收二部", 5);
      const team = (code: string, name: string, parentId: string, sortOrder: number) =>
        makeDepartment(tx, { code, name, kind: "TEAM", parentId, sortOrder });
      const col1Teams = [
        await team("COL1-1", "催收一部一组", col1.id, 1),
        await team("COL1-2", "催收一部二组", col1.id, 2),
      ];
      const col2Teams = [
        await team("COL2-1", "催收二部一组", col2.id, 1),
        await team("COL2-2", "催收二部二组", col2.id, 2),
      ];

      const base = { passwordHash, mustChangePassword: false };
      const staff = [
        {
          employeeNo: "A0001",
          name: "王建国",
          departmentId: gmo.id,
          post: "系统管理员",
          roles: ["ADMIN", "EMPLOYEE"] as const,
          hired: 2400,
        },
        {
          employeeNo: "G0001",
          name: "陈志远",
          departmentId: gmo.id,
          post: "总经理",
          // The general manager heads 总经办 too, so its needs form and reminders reach someone.
          roles: ["GENERAL_MANAGER", { role: "DEPARTMENT_HEAD" as const, departmentId: gmo.id }, "EMPLOYEE"] as const,
          hired: 3100,
        },
        {
          employeeNo: "L0001",
          name: "刘海燕",
          departmentId: gmo.id,
          post: "副总经理（分管培训）",
          roles: ["APPROVING_LEADER", "EMPLOYEE"] as const,
          hired: 2800,
        },
        {
          employeeNo: "T0001",
          name: "周雅琴",
          departmentId: training.id,
          post: "培训部负责人",
          roles: [
            "TRAINING_MANAGER",
            { role: "DEPARTMENT_HEAD" as const, departmentId: training.id },
            "LECTURER",
            "EMPLOYEE",
          ] as const,
          hired: 1900,
        },
        {
          employeeNo: "T0002",
          name: "孙晓梅",
          departmentId: training.id,
          post: "培训部文员",
          roles: ["TRAINING_CLERK", "EMPLOYEE"] as const,
          hired: 700,
        },
        {
          employeeNo: "T0003",
          name: "何文博",
          departmentId: training.id,
          post: "内训讲师",
          roles: ["LECTURER", "EMPLOYEE"] as const,
          hired: 1200,
        },
        {
          employeeNo: "K0001",
          name: "郑丽华",
          departmentId: service.id,
          post: "客服部负责人",
          roles: [{ role: "DEPARTMENT_HEAD" as const, departmentId: service.id }, "EMPLOYEE"] as const,
          hired: 1500,
        },
      ];
      for (const [i, s] of staff.entries()) {
        await makePerson(tx, {
          ...base,
          ...s,
          roles: [...s.roles],
          phone: demoPhone(i + 1),
          email: `${s.employeeNo.toLowerCase()}@jyxh.example.com`,
          hireDate: daysAgo(s.hired),
        });
      }
      await makePerson(tx, {
        ...base,
        employeeNo: "D0101",
        name: "李振华",
        departmentId: col1.id,
        post: "催收一部经理",
        roles: [{ role: "DEPARTMENT_HEAD", departmentId: col1.id }, "EMPLOYEE"],
        phone: demoPhone(20),
        email: "d0101@jyxh.example.com",
        hireDate: daysAgo(2200),
      });
      await makePerson(tx, {
        ...base,
        employeeNo: "D0201",
        name: "赵立新",
        departmentId: col2.id,
        post: "催收二部经理",
        roles: [{ role: "DEPARTMENT_HEAD", departmentId: col2.id }, "EMPLOYEE"],
        phone: demoPhone(21),
        email: "d0201@jyxh.example.com",
        hireDate: daysAgo(2050),
      });
      for (let n = 1; n <= 5; n++) {
        await makePerson(tx, {
          ...base,
          employeeNo: `K010${n}`,
          name: demoName(137 + n * 3),
          departmentId: service.id,
          post: "客服专员",
          phone: demoPhone(200 + n),
          hireDate: daysAgo(300 + n * 40),
        });
      }

      for (const [prefix, teams, seedOffset] of [
        ["C01", col1Teams, 0],
        ["C02", col2Teams, 50],
      ] as const) {
        for (let n = 1; n <= 20; n++) {
          const employeeNo = `${prefix}${String(n).padStart(2, "0")}`;
          const newHire = n >= 19;
          const transferring = prefix === "C02" && n === 18;
          await makePerson(tx, {
            ...base,
            employeeNo,
            name: demoName(seedOffset + n),
            departmentId: teams[n <= 10 ? 0 : 1].id,
            post: n === 1 || n === 11 ? "催收组长" : "催收员",
            status: newHire ? "NEW_HIRE" : transferring ? "TRANSFERRING" : "ACTIVE",
            phone: demoPhone(seedOffset + n + 100),
            email: `${employeeNo.toLowerCase()}@jyxh.example.com`,
            hireDate: daysAgo(newHire ? 3 + n : 90 + ((n * 53) % 900)),
            roles: ["EMPLOYEE"],
          });
        }
      }
      await seedQuiz(tx, at);
      await seedTrainingPlan(tx, at);
      await seedMonthlyPlans(tx, at);
      await seedDelivery(tx, at);
      await seedLeave(tx, at);
      await seedAttendance(tx, at);
      await seedMakeUps(tx, at);
      await seedCases(tx, at);
      await seedHistory(tx, at);
      await seedBudgets(tx, at);
      await seedCourseRules(tx, at);
      await seedArchive(tx, at);
      await seedAssessments(tx, at);
      await seedEvaluations(tx, at);
      await seedRooms(tx);
      await writeAudit(tx, {
        actor: null,
        action: "seed.demo",
        entityType: "Company",
        entityId: company.id,
        summary: { people: await tx.person.count() },
      });
    },
    { timeout: timeoutMs, maxWait: DEMO_SEED_MAX_WAIT_MS },
  );
}
