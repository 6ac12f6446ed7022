import { env } from "./env.server";

/** The demo company's mode (`npm start`, `npm run dev`): demo data, demo logins on the login page. */
export function isDemoMode(): boolean {
  return env().TRAINGATE_DEMO;
}
