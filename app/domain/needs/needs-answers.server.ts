// The questionnaire's answers in view (问卷结果): counts per option, the answered count and the average rating of
// every question, summed in the database; and of the written answers, one keyset page per question.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { keysetPage, keysetAfter, keysetRequest } from "~/utils/keyset";
import { sql } from "~/utils/sql.server";

export const TEXTS_PAGE_SIZE = 20;

/** Which question's written answers to page, and from where (the answer id of the page's last or first row). */
export type TextPaging = { questionId?: string; after?: string; before?: string };

const decodeCursor = (value: string | undefined) => (value ? value : null);

// Plain SQL: Prisma cannot count the elements of an array column (each option of each question would be
// its own statement); this is one statement for the whole questionnaire. An answer counts once per option
// it chose, however often the option is in its array.
const COUNTS = `
  SELECT a."questionId" AS "questionId", count(*)::int AS answered, avg(a.rating)::float8 AS average,
         NULL::int AS choice
    FROM "QuestionAnswer" a JOIN "QuestionnaireResponse" r ON r.id = a."responseId"
   WHERE r."surveyId" = $1 AND ($2::text[] IS NULL OR r."departmentId" = ANY($2::text[]))
   GROUP BY a."questionId"
  UNION ALL
  SELECT a."questionId", count(DISTINCT a.id)::int, NULL, c.choice
    FROM "QuestionAnswer" a JOIN "QuestionnaireResponse" r ON r.id = a."responseId",
         unnest(a.choices) AS c(choice)
   WHERE r."surveyId" = $1 AND ($2::text[] IS NULL OR r."departmentId" = ANY($2::text[]))
   GROUP BY a."questionId", c.choice`;
type CountRow = { questionId: string; answered: number; average: number | null; choice: number | null };

async function textPage(questionId: string, scope: string[] | null, paging: TextPaging) {
  const request = keysetRequest(paging.questionId === questionId ? paging : {}, decodeCursor);
  const keyset = keysetAfter("QuestionAnswer", "asc", request, ["id"], (c) => [c]);
  const where: Prisma.QuestionAnswerWhereInput = {
    questionId,
    AND: [{ text: { not: null } }, { text: { not: "" } }, keyset.where],
    ...(scope ? { response: { departmentId: { in: scope } } } : {}),
  };
  const fetched = await db.questionAnswer.findMany({
    where,
    orderBy: keyset.orderBy,
    take: TEXTS_PAGE_SIZE + 1,
    select: {
      id: true,
      text: true,
      response: { select: { person: { select: { name: true, department: { select: { name: true } } } } } },
    },
  });
  const page = keysetPage(fetched, request, TEXTS_PAGE_SIZE, (a) => a.id);
  return {
    texts: page.rows.map((a) => ({
      id: a.id,
      text: a.text!,
      name: a.response.person.name,
      department: a.response.person.department.name,
    })),
    next: page.next,
    previous: page.previous,
  };
}

export async function answersView(surveyId: string, scope: string[] | null, paging: TextPaging = {}) {
  const survey = await db.needsSurvey.findUnique({
    where: { id: surveyId },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  if (!survey) return null;
  const inView = { surveyId, ...(scope ? { departmentId: { in: scope } } : {}) };
  const [counts, responses, texts] = await Promise.all([
    sql<CountRow>(COUNTS, [surveyId, scope]),
    db.questionnaireResponse.count({ where: inView }),
    Promise.all(survey.questions.filter((q) => q.kind === "TEXT").map((q) => textPage(q.id, scope, paging))),
  ]);
  const textsOf = new Map(survey.questions.filter((q) => q.kind === "TEXT").map((q, i) => [q.id, texts[i]]));
  const questions = survey.questions.map((q) => {
    const mine = counts.filter((c) => c.questionId === q.id);
    const totals = mine.find((c) => c.choice === null);
    const average = totals?.average ?? null;
    return {
      id: q.id,
      kind: q.kind,
      text: q.text,
      answered: totals?.answered ?? 0,
      options: q.options.map((label, index) => ({
        label,
        count: mine.find((c) => c.choice === index)?.answered ?? 0,
      })),
      average: average === null ? null : Math.round(average * 10) / 10,
      texts: textsOf.get(q.id) ?? { texts: [], next: null, previous: null },
    };
  });
  return { survey, responses, questions };
}
