import { useFetcher } from "@remix-run/react";
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
import type { action as syncAction } from "../routes/app.sync";
import { SyncAccess, SyncFailure } from "./SyncCard";

type Run = Parameters<typeof SyncFailure>[0]["run"];
type FailureInfo = NonNullable<Run["failure"]>;

/** As the loader sends it: the server has already cleaned the detail (app/sync/failure.server.ts). */
const CLEANED: FailureInfo = {
  reason: "unknown",
  detail: "The reader thread for [file] failed: EISDIR: illegal operation on a directory, read",
};

function Failure(props: { failure: FailureInfo; retry: Run["retry"]; disabled?: boolean }) {
  const fetcher = useFetcher<typeof syncAction>();
  return (
    <SyncFailure
      resource="orders"
      run={{ id: "run-orders-1", failure: props.failure, retry: props.retry }}
      fetcher={fetcher}
      disabled={props.disabled ?? false}
    />
  );
}

/** Renders the failure inside a data router (fetchers need one), as the server would. */
async function render(locale: Locale, element: JSX.Element) {
  const handler = createStaticHandler([{ path: "/", element }]);
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

const hidden = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );

describe("SyncCard: a failed run", () => {
  it("says what happened and what Retry does, with the detail folded away", async () => {
    const html = await render("en", <Failure failure={CLEANED} retry="continue" />);
    expect(html).toContain("Orders sync stopped");
    expect(html).toContain("Something went wrong while saving this data.");
    expect(html).toContain("Retry continues where it stopped");
    expect(html).toMatch(/<details>.*Technical details.*EISDIR.*<\/details>/s);
  });

  it("posts a retry of this run and its resource, not a full sync from products", async () => {
    const html = await render(
      "en",
      <Failure failure={{ reason: "connection", detail: "network error" }} retry="restart" />,
    );
    expect(html).toMatch(/<form method="post" action="\/app\/sync"/);
    expect(hidden(html)).toEqual({ intent: "retry", runId: "run-orders-1", resource: "orders" });
    expect(html).toContain("Retry asks Shopify for this data again.");
    expect(html).toContain("Shopify could not be reached");
  });

  it("offers no Retry where there is none, and none while another sync runs", async () => {
    const none = await render("en", <Failure failure={CLEANED} retry={null} />);
    expect(none).not.toContain("<form");
    expect(none).not.toContain(">Retry<");
    const busy = await render("en", <Failure failure={CLEANED} retry="continue" disabled />);
    expect(busy).toMatch(/<button[^>]*aria-disabled="true"[^>]*type="submit"/);
    const idle = await render("en", <Failure failure={CLEANED} retry="continue" />);
    expect(idle).not.toContain('aria-disabled="true"');
  });

  it("speaks the admin's language", async () => {
    const html = await render(
      "zh-CN",
      <Failure
        failure={{ reason: "shopify", detail: "Shopify's bulk operation ended FAILED." }}
        retry="restart"
      />,
    );
    expect(html).toContain("订单同步已停止");
    expect(html).toContain("Shopify 在数据准备完成前停止了处理");
    expect(html).toContain("重试将重新向 Shopify 请求这些数据。");
    expect(html).toContain("技术详情");
    expect(html).not.toContain("Retry");
  });
});

describe("SyncCard: access to the store", () => {
  it("says in the admin's language that access is lost and how to get it back, and nothing when fine", async () => {
    const access = { status: "reauth" as const, since: "2026-12-08T10:00:00.000Z" };
    const english = await render("en", <SyncAccess access={access} />);
    expect(english).toContain("Seaworthy has lost access to your store");
    expect(english).toContain("Open Seaworthy from your Shopify admin");
    const chinese = await render("zh-CN", <SyncAccess access={access} />);
    expect(chinese).toContain("Seaworthy 已失去对您店铺的访问权限");
    expect(chinese).not.toContain("lost access");
    expect(await render("en", <SyncAccess access={{ status: "legacy", since: null }} />)).toContain(
      "1 January 2027",
    );
    expect(await render("en", <SyncAccess access={{ status: "ok", since: null }} />)).not.toContain(
      "Polaris-Banner",
    );
  });
});
