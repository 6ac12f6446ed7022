// Pure: the keyset cursor of the course list, which reads newest month first and, within a month, the courses
// in the order they were made (ids break ties). A cursor is "year.month.createdAtMs.id".

export type CourseCursor = { year: number; month: number; createdAt: Date; id: string };

export function encodeCourseCursor(row: CourseCursor): string {
  return `${row.year}.${row.month}.${row.createdAt.getTime()}.${row.id}`;
}

/** null for anything that is not a cursor this list wrote (the first page is shown instead). */
export function decodeCourseCursor(value: string | undefined): CourseCursor | null {
  const match = value ? /^(\d{4})\.(\d{1,2})\.(\d{1,15})\.([\w-]{1,40})$/.exec(value) : null;
  if (!match) return null;
  const [year, month, ms] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return null;
  return { year, month, createdAt: new Date(ms), id: match[4] };
}
