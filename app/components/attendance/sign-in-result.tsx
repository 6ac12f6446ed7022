// The trainee's phone after a scan: one big answer (signed in at 09:02, or why not), then the session.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { translateMessage } from "~/utils/validation";

export type SignInSessionView = {
  id: string;
  title: string;
  location: string;
  date: string;
  start: string;
  end: string;
  cancelled: boolean;
};

export type SignInView = {
  session: SignInSessionView;
  /** A refusal's message key (with parameters) when a scan was refused. */
  refusal: string | null;
  /** Their own sign-in, if any; `fresh` when it was made by this scan. */
  mine: { mark: string; time: string; fresh: boolean } | null;
};

function SessionFacts({ session }: { session: SignInSessionView }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [t("signIn.fields.course"), session.title],
    [t("signIn.fields.time"), `${session.date} ${session.start}–${session.end}`],
    [t("signIn.fields.place"), session.location],
  ];
  return (
    <dl className="card divide-y divide-slate-100 text-base">
      {rows.map(([label, value]) => (
        <div key={label} className="flex gap-3 px-4 py-3">
          <dt className="w-12 shrink-0 text-slate-500">{label}</dt>
          <dd className="min-w-0 break-words font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Answer({
  tone,
  icon,
  title,
  children,
}: {
  tone: "ok" | "info" | "refused";
  icon: string;
  title: string;
  children?: React.ReactNode;
}) {
  const tones = {
    ok: "border-emerald-200 bg-emerald-50 text-emerald-900",
    info: "border-brand-200 bg-brand-50 text-brand-900",
    refused: "border-red-200 bg-red-50 text-red-900",
  };
  const badges = { ok: "bg-emerald-600", info: "bg-brand-600", refused: "bg-red-600" };
  return (
    <section
      role={tone === "refused" ? "alert" : "status"}
      className={`rounded-2xl border-2 px-5 py-8 text-center ${tones[tone]}`}
      data-sign-in-answer={tone}
    >
      <div
        aria-hidden
        className={`mx-auto flex h-20 w-20 items-center justify-center rounded-full text-5xl font-bold text-white ${
          badges[tone]
        }`}
      >
        {icon}
      </div>
      <h1 className="mt-4 text-3xl font-bold">{title}</h1>
      {children}
    </section>
  );
}

export function SignInResult({ view }: { view: SignInView }) {
  const { t } = useTranslation();
  const { session, refusal, mine } = view;
  let answer: React.ReactNode;
  if (mine?.fresh)
    answer = (
      <Answer tone="ok" icon="✓" title={t("signIn.page.success")}>
        <p className="mt-3 text-5xl font-bold tabular-nums tracking-wide">{mine.time}</p>
        <p className="mt-3">
          <span
            className={`badge text-sm ${
              mine.mark === "LATE" ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"
            }`}
          >
            {mine.mark === "LATE" ? t("signIn.page.late") : t("signIn.page.onTime")}
          </span>
        </p>
      </Answer>
    );
  else if (mine)
    answer = (
      <Answer tone="info" icon="✓" title={t("signIn.page.alreadyAt", { time: mine.time })}>
        <p className="mt-3 text-base">
          {refusal && !refusal.startsWith("signIn.refused.already")
            ? translateMessage(t, refusal)
            : t("signIn.page.noNeed")}
        </p>
      </Answer>
    );
  else if (refusal)
    answer = (
      <Answer tone="refused" icon="!" title={t("signIn.page.refusedTitle")}>
        <p className="mt-3 text-lg leading-relaxed">{translateMessage(t, refusal)}</p>
        <p className="mt-2 text-sm opacity-80">{t("signIn.page.nothingRecorded")}</p>
      </Answer>
    );
  else if (session.cancelled) answer = <Answer tone="refused" icon="!" title={t("signIn.page.cancelled")} />;
  else
    answer = (
      <Answer tone="info" icon="⌗" title={t("signIn.title")}>
        <p className="mt-3 text-lg leading-relaxed">{t("signIn.page.scanPrompt")}</p>
        <p className="mt-2 text-sm opacity-80">{t("signIn.page.scanHint")}</p>
      </Answer>
    );
  return (
    <div className="mx-auto max-w-md space-y-4">
      {answer}
      <SessionFacts session={session} />
      <p className="text-center">
        <Link to="/home" className="btn-link">
          {t("signIn.page.myTraining")}
        </Link>
      </p>
    </div>
  );
}
