import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { requireAdmin } from "../admin.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { LocaleContext, resolveLocale, translate, type Locale } from "../i18n/i18n";
import { polarisTranslations } from "../i18n/polaris.server";
import { getShopSettings } from "../shop/settings.server";
import { DemoFrame } from "../components/DemoFrame";
import type { MessageKey } from "../i18n/en";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const NAV: { to: string; label: MessageKey }[] = [
  { to: "/app", label: "nav.overview" },
  { to: "/app/products", label: "nav.products" },
  { to: "/app/channels", label: "nav.channels" },
  { to: "/app/compliance", label: "nav.compliance" },
  { to: "/app/campaigns", label: "nav.campaigns" },
  { to: "/app/settings", label: "nav.settings" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, demo } = await requireAdmin(request);
  const settings = await getShopSettings(db(), shop);
  const locale: Locale = resolveLocale(request, settings.language);
  return {
    apiKey: env().SHOPIFY_API_KEY,
    shop,
    demo,
    locale,
    polarisI18n: polarisTranslations(locale),
  };
};

export default function AppLayout() {
  const { apiKey, shop, demo, locale, polarisI18n } = useLoaderData<typeof loader>();
  const t = (key: MessageKey) => translate(locale, key);
  const { pathname } = useLocation();
  return (
    <AppProvider isEmbeddedApp={!demo} apiKey={apiKey} i18n={polarisI18n}>
      <LocaleContext.Provider value={locale}>
        {demo ? (
          <DemoFrame
            shop={shop}
            nav={NAV.map((n) => ({
              ...n,
              label: t(n.label),
              selected: n.to === "/app" ? pathname === "/app" : pathname.startsWith(n.to),
            }))}
          >
            <Outlet />
          </DemoFrame>
        ) : (
          <>
            <NavMenu>
              {NAV.map((n) => (
                <Link key={n.to} to={n.to} rel={n.to === "/app" ? "home" : undefined}>
                  {t(n.label)}
                </Link>
              ))}
            </NavMenu>
            <Outlet />
          </>
        )}
      </LocaleContext.Provider>
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses so that its headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
