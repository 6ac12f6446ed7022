import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect } from "react";
import { I18nextProvider } from "react-i18next";

import { GeneralErrorBoundary } from "./components/error-boundary";
import { skipLayoutReloadOpeningAttempt } from "./components/quiz/attempt-api";
import { getSettings } from "./domain/settings/settings.server";
import stylesheet from "./tailwind.css?url";
import { getCurrentUser } from "./utils/auth.server";
import { catalogScript } from "./utils/catalog-script.server";
import { DEFAULT_LOCALE, i18nFor } from "./utils/i18n";
import { resolveLocale } from "./utils/locale.server";
import { useNonce } from "./utils/nonce";
import { useShownLocale } from "./utils/use-shown-locale";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Pages without a title of their own show the product name.
export const meta: MetaFunction = () => [{ title: "TrainGate" }];

export const shouldRevalidate: ShouldRevalidateFunction = skipLayoutReloadOpeningAttempt;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const [locale, settings] = await Promise.all([resolveLocale(request, user?.locale), getSettings()]);
  return { locale, settings, catalogScript: catalogScript(locale) };
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = useShownLocale(data?.locale ?? DEFAULT_LOCALE);
  const nonce = useNonce();
  const i18n = i18nFor(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    // React has hydrated the page: browser tests wait for this mark (settled() in tests/e2e/harness.ts).
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {data?.catalogScript ? <link rel="modulepreload" href={data.catalogScript} /> : null}
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

// Errors outside the signed-in layout (login, password, print pages); those inside keep the navigation.
export function ErrorBoundary() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <GeneralErrorBoundary />
    </main>
  );
}
