// The clerk's make-up list has three views: who owes, who is enrolled in a make-up still ahead, and the
// new hires who missed onboarding (for the training manager). Shared by the query and the page.
export const MAKE_UP_VIEWS = ["owed", "enrolled", "newHires"] as const;
export type MakeUpView = (typeof MAKE_UP_VIEWS)[number];
export const MAKE_UP_PAGE_SIZE = 25;
