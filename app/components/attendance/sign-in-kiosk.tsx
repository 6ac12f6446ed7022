// The kiosk on the clerk's device: one trainee after another types employee number and password. The
// form clears after each sign-in and says who was just signed in; a refusal keeps the number typed.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { translateMessage, type FieldErrors } from "~/utils/validation";

export type KioskSessionView = { title: string; location: string; date: string; start: string; end: string };
export type KioskDone = { name: string; employeeNo: string; time: string; mark: "PRESENT" | "LATE" };
export type KioskAnswer = { done: KioskDone | null; errors: FieldErrors | null; employeeNo: string; seq: string };

export function SignInKiosk(props: {
  session: KioskSessionView;
  answer: KioskAnswer | undefined;
  projectorHref: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { session, answer } = props;
  const busy = navigation.state === "submitting";
  const errors = answer?.errors ?? {};
  return (
    <main className="flex min-h-screen flex-col bg-gradient-to-br from-brand-900 via-brand-800 to-slate-900 px-4 py-8">
      <div className="mx-auto w-full max-w-xl space-y-5">
        <header className="text-white">
          <p className="text-lg font-medium text-brand-100">{t("signIn.kiosk.title")}</p>
          <h1 className="mt-1 text-3xl font-bold leading-tight">{session.title}</h1>
          <p className="mt-2 text-lg text-brand-100">
            <span className="tabular-nums">
              {session.date} {session.start}–{session.end}
            </span>
            <span className="mx-3 text-brand-300">|</span>
            {session.location}
          </p>
        </header>
        {answer?.done ? (
          <section
            role="status"
            className="rounded-2xl border-2 border-emerald-300 bg-emerald-50 px-6 py-5 text-emerald-900"
          >
            <p className="text-2xl font-bold">
              ✓ {t("signIn.kiosk.done", { name: answer.done.name, employeeNo: answer.done.employeeNo })}
            </p>
            <p className="mt-1 text-lg">
              <span className="tabular-nums">{t("signIn.kiosk.doneAt", { time: answer.done.time })}</span>
              {answer.done.mark === "LATE" ? (
                <span className="badge ml-3 bg-amber-100 text-base text-amber-900">{t("signIn.page.late")}</span>
              ) : null}
            </p>
            <p className="mt-2 text-base text-emerald-800">{t("signIn.kiosk.next")}</p>
          </section>
        ) : null}
        <Form
          key={answer?.seq ?? "first"}
          method="post"
          className="card space-y-5 p-6"
          autoComplete="off"
          aria-describedby="kiosk-intro"
        >
          <p id="kiosk-intro" className="text-base text-slate-600">
            {t("signIn.kiosk.intro")}
          </p>
          {errors._form ? (
            <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-lg text-red-800">
              {translateMessage(t, errors._form)}
            </div>
          ) : null}
          <div>
            <label htmlFor="kiosk-employeeNo" className="label text-base">
              {t("signIn.kiosk.employeeNo")}
            </label>
            <input
              id="kiosk-employeeNo"
              name="employeeNo"
              className="input py-3 text-xl"
              autoCapitalize="characters"
              autoComplete="off"
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the kiosk's one field to type into next
              autoFocus
              defaultValue={answer?.done ? "" : (answer?.employeeNo ?? "")}
              aria-invalid={Boolean(errors.employeeNo)}
            />
            {errors.employeeNo ? (
              <p className="mt-1 text-sm text-red-700">{translateMessage(t, errors.employeeNo)}</p>
            ) : null}
          </div>
          <div>
            <label htmlFor="kiosk-password" className="label text-base">
              {t("signIn.kiosk.password")}
            </label>
            <input
              id="kiosk-password"
              name="password"
              type="password"
              className="input py-3 text-xl"
              autoComplete="off"
              aria-invalid={Boolean(errors.password)}
            />
            {errors.password ? (
              <p className="mt-1 text-sm text-red-700">{translateMessage(t, errors.password)}</p>
            ) : null}
          </div>
          <button type="submit" className="btn-primary w-full py-3 text-xl" disabled={busy}>
            {busy ? t("signIn.kiosk.submitting") : t("signIn.kiosk.submit")}
          </button>
          <p className="text-sm text-slate-500">{t("signIn.kiosk.clerkOnly")}</p>
        </Form>
        <p className="text-center">
          <Link to={props.projectorHref} className="text-sm font-medium text-brand-100 hover:underline">
            {t("signIn.kiosk.projector")}
          </Link>
        </p>
      </div>
    </main>
  );
}
