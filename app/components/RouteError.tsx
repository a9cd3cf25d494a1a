import { Banner, Page } from "@shopify/polaris";
import { useRouteError } from "@remix-run/react";
import type { MessageKey } from "../i18n/en";
import { translate, useLocale } from "../i18n/i18n";

/**
 * A route's error boundary inside the admin frame: the page's title (and way back) with the
 * error in words, never a stack trace.
 */
export function RouteError({
  title,
  back,
}: {
  title: MessageKey;
  back?: { content: MessageKey; url: string };
}) {
  useRouteError();
  const locale = useLocale();
  return (
    <Page
      title={translate(locale, title)}
      backAction={back ? { content: translate(locale, back.content), url: back.url } : undefined}
    >
      <Banner tone="critical" title={translate(locale, "error.title")}>
        <p>{translate(locale, "error.body")}</p>
      </Banner>
    </Page>
  );
}
