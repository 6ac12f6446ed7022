/** The demo company's mode (`npm start`, `npm run dev`): demo data, demo logins on the login page. */
export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRAINGATE_DEMO === "1" || env.TRAINGATE_DEMO === "true";
}
