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

/** Inline, so no browser asks the server for /favicon.ico (an error line per page view). */
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/><path d="M6 20h20l-3 5H9z M15 6v12h-7z M17 9v9h6z" fill="#fff"/></svg>',
  );

export default function App() {
  // The admin pages resolve the merchant's language in the app layout; tell the browser too.
  const app = useRouteLoaderData<{ locale?: string }>("routes/app");
  return (
    <html lang={app?.locale ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        <link rel="icon" href={FAVICON} />
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
        <link rel="icon" href={FAVICON} />
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
