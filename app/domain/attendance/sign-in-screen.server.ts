// Everything the projector screen shows at one instant, for its first render and for every poll.
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";

import { localParts } from "../course/session-view";
import { signInSession } from "../delivery/sign-in-sheet-queries.server";

import { signInTimeRefusal, signInWindow } from "./attendance-rules";
import { projectorCode, projectorTally } from "./sign-in-projector.server";

export type ScreenState = "OPEN" | "NOT_OPEN_YET" | "CLOSED" | "CANCELLED";

/** The session's facts, as the printed sheet's QR page shows them; null when its course is not approved. */
export const screenSession = signInSession;
export type ScreenSession = NonNullable<Awaited<ReturnType<typeof screenSession>>>;

/** The live part: whether sign-in is open, the code (image only when `haveWindow` is not current), the tally. */
export async function screenLive(sessionId: string, origin: string, haveWindow?: number) {
  const settings = await getSettings();
  const at = now();
  const [session, code, tally] = await Promise.all([
    screenSession(sessionId, settings.timeZone),
    projectorCode(sessionId, origin, at, haveWindow),
    projectorTally(sessionId, settings.timeZone),
  ]);
  if (!session) return null;
  const refusal = signInTimeRefusal(at, session, settings.signInOpensMinutes);
  const state: ScreenState = session.cancelled
    ? "CANCELLED"
    : refusal === "attendance.notOpenYet"
      ? "NOT_OPEN_YET"
      : refusal === "attendance.closed"
        ? "CLOSED"
        : "OPEN";
  const opensAt = localParts(signInWindow(session, settings.signInOpensMinutes).opensAt, settings.timeZone).time;
  return { state, opensAt, code, tally };
}
export type ScreenLive = NonNullable<Awaited<ReturnType<typeof screenLive>>>;
