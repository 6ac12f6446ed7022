import { db } from "~/utils/db.server";

// For load balancers and the start script: answers 200 when the database answers.
export async function loader() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
