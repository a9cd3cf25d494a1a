import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { LocaleContext, type Locale } from "../i18n/i18n";
import { RouteError } from "./RouteError";

/** Renders a route whose loader throws, with RouteError as its boundary, as the server would. */
async function renderFailing(locale: Locale, element: JSX.Element) {
  const routes = [
    {
      path: "/",
      loader: () => {
        throw new Error("database is locked: SELECT secret FROM Session");
      },
      element: <p>never</p>,
      errorElement: element,
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <AppProvider i18n={en}>
      <LocaleContext.Provider value={locale}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </LocaleContext.Provider>
    </AppProvider>,
  );
}

describe("RouteError", () => {
  it("shows the page's title, the way back and the error in words, never the error itself", async () => {
    const html = await renderFailing(
      "en",
      <RouteError
        title="product.viewFit"
        back={{ content: "product.back", url: "/app/products" }}
      />,
    );
    expect(html).toContain("Channel fit");
    expect(html).toContain('href="/app/products"');
    expect(html).toContain("Something went wrong");
    expect(html).not.toContain("database is locked");
    expect(html).not.toContain("SELECT");
  });

  it("speaks the admin's language", async () => {
    const zh = await renderFailing("zh-CN", <RouteError title="channels.title" />);
    const en = await renderFailing("en", <RouteError title="channels.title" />);
    expect(zh).not.toEqual(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
