import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { LinksFunction } from "@remix-run/node";

/**
 * The mark, served from public/ (copied to build/client by the build): the SVG for browsers that
 * take one, the ICO (the same mark at 32 px) for the rest and for anything that asks for
 * /favicon.ico unprompted, so no request for it ends as a 404 line in the log.
 */
export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export default function App() {
  // The admin pages resolve the merchant's language in the app layout; tell the browser too.
  const app = useRouteLoaderData<{ locale?: string }>("routes/app");
  return (
    <html lang={app?.locale ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

/** Outside the admin layout (login, unknown URLs): a plain page in words, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 404
      ? "This page does not exist."
      : isRouteErrorResponse(error)
        ? String(error.data || error.statusText)
        : "Seaworthy could not load this page. Try again in a moment.";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{`Seaworthy · ${status}`}</title>
        <Meta />
        <Links />
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>{status === 404 ? "Not found" : "Something went wrong"}</h1>
        <p>{message}</p>
        <Scripts />
      </body>
    </html>
  );
}
