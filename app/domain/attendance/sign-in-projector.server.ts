// What the room's projector shows while people sign in: the current code as a QR image, how many of those
// expected have signed in, and the latest names. Polled every second by the screen, so it reads two small
// things (one counting query and the last 30 arrivals), never the whole roster.
import QRCode from "qrcode";

import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

import { localParts } from "../course/session-view";

import { signInSecret } from "./sign-in-secret.server";
import { codeUrl, signInCode, windowEndsAt, windowOf } from "./sign-in-token";

/** How many arrivals the screen lists; the count is always exact. */
export const PROJECTOR_NAMES = 30;

type Tally = { roster: bigint; signedIn: bigint; excused: bigint };

/**
 * Expected: everyone on the roster (attendees of the session's batch and those making up) but those excused
 * (an approved leave form and no sign-in, or marked excused by the clerk). Signed in: present, late or on paper.
 */
export async function projectorTally(sessionId: string, timeZone: string) {
  const [[tally], latest] = await Promise.all([
    db.$queryRaw<Tally[]>`
      WITH roster AS (
        SELECT ca."personId" FROM "CourseAttendee" ca
          JOIN "CourseSession" s ON s."courseId" = ca."courseId" AND s."batch" = ca."batch" WHERE s.id = ${sessionId}
        UNION
        SELECT m."personId" FROM "MakeUp" m WHERE m."sessionId" = ${sessionId}
      )
      SELECT count(*) AS roster,
        count(*) FILTER (WHERE a.mark IN ('PRESENT', 'LATE', 'PRESENT_PAPER')) AS "signedIn",
        count(*) FILTER (WHERE a.mark = 'EXCUSED' OR (a.mark IS NULL AND EXISTS (
          SELECT 1 FROM "LeaveRequest" l JOIN "Approval" ap ON ap.id = l."approvalId"
           WHERE l."sessionId" = ${sessionId} AND l."personId" = r."personId" AND ap.state = 'APPROVED'))) AS excused
      FROM roster r LEFT JOIN "Attendance" a ON a."sessionId" = ${sessionId} AND a."personId" = r."personId"`,
    db.attendance.findMany({
      where: { sessionId, mark: { in: ["PRESENT", "LATE", "PRESENT_PAPER"] } },
      orderBy: [{ at: "desc" }, { personId: "asc" }],
      take: PROJECTOR_NAMES,
      select: {
        at: true,
        mark: true,
        person: { select: { id: true, name: true, department: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    signedIn: Number(tally?.signedIn ?? 0),
    expected: Number((tally?.roster ?? 0n) - (tally?.excused ?? 0n)),
    latest: latest.map((a) => ({
      personId: a.person.id,
      name: a.person.name,
      department: a.person.department.name,
      time: localParts(a.at, timeZone).time,
      late: a.mark === "LATE",
    })),
  };
}
export type ProjectorTally = Awaited<ReturnType<typeof projectorTally>>;

/** Where people reach the server: PUBLIC_URL when set (as mail links do), else the origin of the page's URL. */
export function publicOrigin(pageUrl: string) {
  return env().PUBLIC_URL ?? new URL(pageUrl).origin;
}

/**
 * The code of the window `at` is in, as the URL a phone opens and (unless the screen already has this
 * window's image) its QR image as SVG; `refreshInMs` is when the next code is due.
 */
export async function projectorCode(sessionId: string, origin: string, at: Date, haveWindow?: number) {
  const window = windowOf(at);
  const url = codeUrl(origin, sessionId, signInCode(await signInSecret(), sessionId, at));
  const qrSvg =
    haveWindow === window ? null : await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { window, url, qrSvg, refreshInMs: windowEndsAt(at).getTime() - at.getTime() };
}
export type ProjectorCode = Awaited<ReturnType<typeof projectorCode>>;
