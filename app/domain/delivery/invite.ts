// The iCalendar invite of a course's sessions (RFC 5545 / iTIP METHOD REQUEST or CANCEL), written by
// ical-generator. Times are company-local wall clock with a TZID and the zone's VTIMEZONE, so a calendar
// in another zone still shows the session at the right instant. No I/O.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  foldLines,
  formatDate,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";

import { localParts } from "~/domain/course/session-view";

export type InviteEvent = {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  location: string;
  summary: string;
  description: string;
};

export type InviteInput = {
  method: "REQUEST" | "CANCEL";
  timeZone: string;
  /** DTSTAMP: when this version of the invite was written (the clock, never the machine's time). */
  stamp: Date;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string } | null;
  events: InviteEvent[];
};

/** The stable UID of a session's event: every update and the cancellation replace the same entry. */
export const sessionUid = (sessionId: string) => `${sessionId}@traingate`;

/** "2026-12-10T09:00:00": the instant as company-local wall-clock time, which ical-generator writes with TZID. */
export function wallClock(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.date}T${p.time}:00`;
}

// The zone's VTIMEZONE is the same for every invite; looking it up once per zone keeps 500 invites cheap.
const zones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!zones.has(zone)) zones.set(zone, getVtimezoneComponent(zone));
  return zones.get(zone) ?? null;
}

const PLACEHOLDER = { name: "TRAINGATE-ATTENDEE-NAME", email: "traingate-attendee@placeholder.invalid" };
const ATTENDEE_LINE = /^ATTENDEE[^\r]*(?:\r\n [^\r]*)*/gm;

/**
 * The invite for one set of events, for many people: the library writes the calendar once (with a stand-in
 * attendee), and each person's copy differs only in its ATTENDEE line, folded by the library's own folding.
 * Publishing a course to 500 people then costs one calendar, not 500.
 */
export function inviteTemplate(input: Omit<InviteInput, "attendee">): (attendee: InviteInput["attendee"]) => string {
  const cancel = input.method === "CANCEL";
  const calendar = ical({
    prodId: { company: "TrainGate", product: "traingate", language: "ZH" },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.timezone({ name: input.timeZone, generator: vtimezone });
  for (const e of input.events) {
    const event = calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: input.stamp,
      start: wallClock(e.startsAt, input.timeZone),
      end: wallClock(e.endsAt, input.timeZone),
      timezone: input.timeZone,
      summary: e.summary,
      location: e.location,
      description: e.description,
      organizer: { name: input.organizer.name, email: input.organizer.email },
      status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    event.createAttendee({
      name: PLACEHOLDER.name,
      email: PLACEHOLDER.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancel,
    });
  }
  // With a calendar time zone the library writes DTSTAMP as local time without a zone; RFC 5545 wants UTC.
  const text = calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${formatDate(null, input.stamp)}`);
  const lines: string[] = [];
  const parts = text.split(ATTENDEE_LINE);
  for (const m of text.matchAll(ATTENDEE_LINE)) lines.push(m[0].replace(/\r\n /g, ""));
  const line = lines[0] ?? "";
  return (attendee) => {
    if (!attendee || !line) return parts.join("").replace(/\r\n\r\n/g, "\r\n");
    const own = foldLines(
      line.replace(PLACEHOLDER.name, attendee.name.replace(/["\\]/g, "")).replace(PLACEHOLDER.email, attendee.email),
    );
    return parts.join(own);
  };
}

export function buildInvite(input: InviteInput): string {
  return inviteTemplate(input)(input.attendee);
}
