import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  Layout,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { requireAdmin } from "../../admin.server";
import { db } from "../../db.server";
import { useT } from "../../i18n/i18n";
import { SyncCard } from "../../components/SyncCard";
import { getShopSettings, saveShopSettings, shopSettingsSchema } from "../../shop/settings.server";
import { recentPrivacyRequests } from "../../privacy/privacy.server";
import { shopRecord } from "../../shop/record.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const database = db();
  const [settings, row, requests] = await Promise.all([
    getShopSettings(database, shop),
    shopRecord(database, shop),
    recentPrivacyRequests(database, shop),
  ]);
  return {
    shop,
    settings,
    name: row?.name ?? shop,
    scopes: row?.scopes ?? [],
    installedAt: row?.installedAt.toISOString() ?? null,
    requests: requests.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const parsed = shopSettingsSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return {
      ok: false as const,
      errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    };
  }
  await saveShopSettings(db(), shop, parsed.data);
  return { ok: true as const, errors: [] };
};

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const [language, setLanguage] = useState<string>(data.settings.language);
  return (
    <Page title={t("settings.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok ? <Banner tone="success">{t("settings.saved")}</Banner> : null}
            {result && !result.ok ? (
              <Banner tone="critical">{result.errors.join("; ")}</Banner>
            ) : null}
            <Card>
              <Form method="post">
                <BlockStack gap="300">
                  <Select
                    label={t("settings.language")}
                    name="language"
                    helpText={t("settings.languageHelp")}
                    value={language}
                    onChange={setLanguage}
                    options={[
                      { label: t("settings.language.auto"), value: "auto" },
                      { label: "English", value: "en" },
                      { label: "简体中文", value: "zh-CN" },
                    ]}
                  />
                  <div>
                    <Button submit variant="primary" loading={saving}>
                      {t("settings.save")}
                    </Button>
                  </div>
                </BlockStack>
              </Form>
            </Card>
            <SyncCard />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("settings.privacy")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("settings.privacyHelp")}
                </Text>
                {data.requests.length === 0 ? (
                  <Text as="p">{t("settings.privacyEmpty")}</Text>
                ) : (
                  <DataTable
                    columnContentTypes={["text", "text", "text", "text"]}
                    headings={[
                      t("settings.col.received"),
                      t("settings.col.topic"),
                      t("settings.col.customer"),
                      t("settings.col.status"),
                    ]}
                    rows={data.requests.map((r) => [
                      new Date(r.receivedAt).toLocaleString(),
                      r.topic,
                      r.customerId ?? "—",
                      r.status,
                    ])}
                  />
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("settings.shop")}
              </Text>
              <Text as="p">{data.name}</Text>
              <Text as="p" tone="subdued">
                {data.shop}
              </Text>
              <Text as="p" tone="subdued">
                {t("settings.installedAt")}:{" "}
                {data.installedAt ? new Date(data.installedAt).toLocaleDateString() : "—"}
              </Text>
              <Text as="h3" variant="headingSm">
                {t("settings.scopes")}
              </Text>
              <Text as="p" tone="subdued">
                {data.scopes.join(", ") || "—"}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
