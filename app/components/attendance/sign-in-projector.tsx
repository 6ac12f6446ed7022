// The room's projector while people sign in: a big QR code that changes every 15 s, the count against
// those expected, and the names as they arrive. It asks the server every second (a small JSON answer; the
// QR image only when the code changed); without scripts, the page reloads when the code is due.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { ScreenLive } from "~/domain/attendance/sign-in-screen.server";

export type ProjectorView = {
  session: { id: string; title: string; location: string; date: string; start: string; end: string };
  live: ScreenLive;
  jsonHref: string;
  kioskHref: string;
};

const POLL_MS = 1_000;

function useLive(initial: ScreenLive, jsonHref: string) {
  const [live, setLive] = useState(initial);
  const [qr, setQr] = useState({ svg: initial.code.qrSvg ?? "", url: initial.code.url });
  const [offline, setOffline] = useState(false);
  const have = useRef(initial.code.window);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const response = await fetch(`${jsonHref}?have=${have.current}`, { headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as ScreenLive;
        if (next.code.qrSvg) {
          have.current = next.code.window;
          setQr({ svg: next.code.qrSvg, url: next.code.url });
        }
        setLive(next);
        setOffline(false);
      } catch {
        setOffline(true);
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jsonHref]);
  return { live, qr, offline };
}

export function SignInProjector({ view }: { view: ProjectorView }) {
  const { t } = useTranslation();
  const { live, qr, offline } = useLive(view.live, view.jsonHref);
  const { session } = view;
  const { tally, state } = live;
  const open = state === "OPEN";
  const more = tally.signedIn - tally.latest.length;
  const banner = {
    OPEN: null,
    NOT_OPEN_YET: t("signIn.projector.notOpenYet", { time: live.opensAt }),
    CLOSED: t("signIn.projector.closed"),
    CANCELLED: t("signIn.projector.cancelled"),
  }[state];
  return (
    <main className="flex min-h-screen flex-col bg-slate-950 text-white">
      {/* Without scripts the page reloads when the next code is due (just after its window starts). */}
      <noscript>
        <meta httpEquiv="refresh" content={String(Math.ceil(view.live.code.refreshInMs / 1000) + 1)} />
      </noscript>
      <header className="border-b border-white/10 px-10 py-6">
        <h1 className="text-4xl font-bold leading-tight xl:text-5xl">{session.title}</h1>
        <p className="mt-3 text-2xl text-slate-300">
          <span className="tabular-nums">
            {session.date} {session.start}–{session.end}
          </span>
          <span className="mx-4 text-slate-600">|</span>
          {session.location}
        </p>
      </header>
      <div className="grid flex-1 gap-10 px-10 py-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <section className="flex flex-col items-center justify-center">
          <p className="mb-5 text-4xl font-bold tracking-wider">{t("signIn.projector.scan")}</p>
          <figure
            className={`relative rounded-3xl bg-white p-5 shadow-2xl ${open ? "" : "opacity-20"}`}
            data-sign-in-url={open ? qr.url : undefined}
          >
            <div
              role="img"
              aria-label={t("signIn.projector.qrAlt")}
              className="h-[min(56vh,34vw)] w-[min(56vh,34vw)] [&>svg]:h-full [&>svg]:w-full"
              dangerouslySetInnerHTML={{ __html: qr.svg }}
            />
          </figure>
          {banner ? (
            <p role="status" className="mt-6 rounded-xl bg-amber-400 px-6 py-3 text-2xl font-semibold text-slate-950">
              {banner}
            </p>
          ) : (
            <p className="mt-5 text-xl text-slate-300">{t("signIn.projector.refreshes")}</p>
          )}
          <p className="mt-3 text-lg text-slate-400">{t("signIn.projector.kioskHint")}</p>
        </section>
        <section className="flex min-w-0 flex-col">
          <div className="flex items-end gap-6 rounded-3xl bg-white/5 px-8 py-6">
            <div>
              <p className="text-2xl text-slate-300">{t("signIn.projector.signedIn")}</p>
              <p
                className="text-8xl font-bold tabular-nums leading-none text-emerald-400"
                data-testid="signed-in-count"
              >
                {tally.signedIn}
              </p>
            </div>
            <p className="pb-2 text-3xl text-slate-300" data-testid="expected-count">
              / {t("signIn.projector.expected", { count: tally.expected })}
            </p>
          </div>
          <h2 className="mt-8 text-2xl font-semibold text-slate-300">{t("signIn.projector.latest")}</h2>
          {tally.latest.length === 0 ? (
            <p className="mt-4 text-2xl text-slate-500">{t("signIn.projector.none")}</p>
          ) : (
            <ol className="mt-4 grid grid-cols-2 gap-2 xl:grid-cols-3" aria-live="polite" data-testid="arrivals">
              {tally.latest.map((p, i) => (
                <li
                  key={p.personId}
                  className={`flex min-w-0 items-baseline gap-2 rounded-lg px-3 py-1.5 ${
                    i === 0 ? "bg-emerald-500/25 ring-1 ring-emerald-400" : "bg-white/5"
                  }`}
                >
                  <span className="shrink-0 text-xl font-semibold">{p.name}</span>
                  <span className="min-w-0 flex-1 truncate text-sm text-slate-400">{p.department}</span>
                  {p.late ? (
                    <span className="shrink-0 rounded bg-amber-400 px-1.5 text-sm font-semibold text-slate-950">
                      {t("signIn.projector.late")}
                    </span>
                  ) : null}
                  <span className="shrink-0 text-base tabular-nums text-slate-300">{p.time}</span>
                </li>
              ))}
            </ol>
          )}
          {more > 0 ? (
            <p className="mt-3 text-xl text-slate-400">{t("signIn.projector.more", { count: more })}</p>
          ) : null}
        </section>
      </div>
      {offline ? (
        <p role="alert" className="fixed bottom-4 left-1/2 -translate-x-1/2 rounded-lg bg-red-600 px-5 py-2 text-lg">
          {t("signIn.projector.offline")}
        </p>
      ) : null}
    </main>
  );
}
