import { isRouteErrorResponse, useRouteError, type ErrorResponse } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

const MESSAGES: Record<number, string> = {
  400: "errors.badRequest",
  401: "auth.sessionEnded",
  403: "errors.forbidden",
  404: "errors.notFound",
  405: "errors.methodNotAllowed",
  409: "errors.conflict",
  413: "errors.tooLarge",
};

/** The catalog key that explains a status to the person who met it. */
export function statusMessageKey(status: number): string {
  return MESSAGES[status] ?? "errors.unexpected";
}

type StatusHandler = (error: ErrorResponse) => ReactNode;

/**
 * What a route shows when its loader or action throws (as Epic Stack's): the status and what it
 * means, in the page's language. Exported by every route under the `_app` layout
 * (`export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary"`), so the
 * navigation stays around it; a route may pass its own text for a status.
 */
export function GeneralErrorBoundary({ statusHandlers }: { statusHandlers?: Partial<Record<number, StatusHandler>> }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const response = isRouteErrorResponse(error) ? error : null;
  // A bug, not an answer: the browser console gets the details (the server has logged them).
  if (!response && typeof document !== "undefined") console.error(error);
  const status = response?.status ?? 500;
  const custom = response ? statusHandlers?.[status]?.(response) : null;
  return (
    <section role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 py-12 text-center">
      <p className="text-5xl font-bold text-slate-300">{status}</p>
      <h1 className="text-lg font-semibold">{custom ?? t(statusMessageKey(status))}</h1>
      <a className="btn-primary" href="/home">
        {t("errors.backHome")}
      </a>
    </section>
  );
}
