import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { Banner, Box, InlineStack, Text } from "@shopify/polaris";
import { useT } from "../i18n/i18n";

interface NavItem {
  to: string;
  label: string;
  selected: boolean;
}

/**
 * Outside the Shopify admin there is no App Bridge navigation, so the demo draws the same menu
 * as a bar above the page and says plainly that the store is simulated.
 */
export function DemoFrame({
  shop,
  nav,
  children,
}: {
  shop: string;
  nav: NavItem[];
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div data-demo-frame>
      <Box
        background="bg-surface"
        borderBlockEndWidth="025"
        borderColor="border"
        paddingInline="400"
        paddingBlock="300"
      >
        <InlineStack gap="400" blockAlign="center">
          <Text as="span" variant="headingMd">
            {t("app.name")}
          </Text>
          <nav aria-label="Seaworthy">
            <InlineStack gap="300">
              {nav.map((item) => (
                <Link
                  key={item.to}
                  to={item.to}
                  prefetch="intent"
                  aria-current={item.selected ? "page" : undefined}
                  style={{
                    fontWeight: item.selected ? 650 : 450,
                    color: "inherit",
                    textDecoration: item.selected ? "underline" : "none",
                  }}
                >
                  {item.label}
                </Link>
              ))}
            </InlineStack>
          </nav>
        </InlineStack>
      </Box>
      <Box paddingInline="400" paddingBlockStart="300">
        <Banner tone="info">{t("demo.banner", { shop })}</Banner>
      </Box>
      {children}
    </div>
  );
}
