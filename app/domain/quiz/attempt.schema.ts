// Inputs of taking a quiz, shared by the no-JavaScript forms (Remix actions) and the JSON calls the
// attempt page makes with JavaScript (app/fast-paths/quiz-attempts.server.ts).
import { z } from "zod";

export const StartAttemptSchema = z.object({
  quizId: z.string().min(1).max(60),
  mode: z.enum(["FULL", "REQUIZ"]).catch("FULL"),
});

export const AnswerSchema = z.object({
  position: z.coerce.number().int().min(0).max(500),
  option: z.array(z.string().min(1).max(60)).max(20),
});

/** The JSON calls' paths (the browser's, the server's and the benchmark's). */
export const attemptApi = {
  start: "/api/quiz/attempts",
  attempt: (id: string) => `/api/quiz/attempts/${encodeURIComponent(id)}`,
  answers: (id: string) => `/api/quiz/attempts/${encodeURIComponent(id)}/answers`,
  submit: (id: string) => `/api/quiz/attempts/${encodeURIComponent(id)}/submit`,
};
