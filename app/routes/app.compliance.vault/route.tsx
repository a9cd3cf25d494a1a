import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../../admin.server";
import { collectionOptions } from "../../channels/queries.server";
import { certificateErrors, certificatesWithStatus, today } from "../../compliance/queries.server";
import { CERTIFICATE_TYPES, type CertificateType } from "../../compliance/types";
import { deleteCertificate, getCertificate, saveCertificate } from "../../compliance/vault.server";
import { readCertificateForm } from "../../compliance/documents/form.server";
import { UploadError, uploadDocument } from "../../compliance/documents/upload.server";
import { checkDocument } from "../../compliance/documents/validate";
import {
  certificateInputSchema,
  fieldErrorsOf,
  type CertificateInput,
} from "../../compliance/schemas.server";
import { runOperation } from "../../graphql/client.server";
import { db } from "../../db.server";
import { resolveLocale, translate, useT } from "../../i18n/i18n";
import { logger } from "../../logger.server";
import { getShopSettings } from "../../shop/settings.server";
import { RecordTable } from "../../components/RecordTable";
import { RouteError } from "../../components/RouteError";
import { getJobQueue } from "../../background.server";
import { onVaultChange } from "../../compliance/jobs.server";
import { allTheShops, productTitles } from "../../sync/read.server";
import { CertificateCells } from "./CertificateCells";
import { CertificateForm } from "./CertificateForm";
import { DOCUMENT_ERRORS, productGid } from "./certificateIds";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdmin(request);
  const database = db();
  const [certificates, collections] = await Promise.all([
    certificatesWithStatus(database, shop, today()),
    collectionOptions(database, shop),
  ]);
  // Titles of the products certificates name, and of the product a one-click fix came from.
  const prefill = new URL(request.url).searchParams.get("product");
  const ids = new Set(
    certificates.flatMap((c) => (c.scope.kind === "products" ? c.scope.productIds : [])),
  );
  if (prefill && /^\d{1,20}$/.test(prefill)) ids.add(productGid(prefill));
  const products = await productTitles(database, shop, [...ids]);
  return {
    certificates: certificates.map((c) => ({
      id: c.id,
      type: c.type,
      number: c.number,
      issuer: c.issuer,
      scope: c.scope,
      validFrom: c.validFrom,
      validTo: c.validTo,
      documentUrl: c.document.url ?? null,
      documentName: c.document.fileRef ? c.documentName : null,
      documentProcessing: Boolean(c.document.fileRef) && c.documentFileStatus !== "READY",
      status: c.status,
    })),
    titles: Object.fromEntries(products.map((p) => [p.id, p.title])),
    collections: collections.map((c) => ({ value: c.id, label: c.title })),
    types: CERTIFICATE_TYPES,
  };
};

const saveSchema = z.object({
  intent: z.literal("save"),
  id: z.string().max(100).optional(),
  kind: z.string().max(40).default(""),
  number: z.string().max(300).default(""),
  issuer: z.string().max(300).default(""),
  scopeKind: z.enum(["all", "products", "collections"]).catch("all"),
  products: z.string().max(100_000).default(""),
  validFrom: z.string().max(40).default(""),
  validTo: z.string().max(40).default(""),
  // Absent when the certificate has an uploaded file (the form then shows the file instead).
  documentUrl: z.string().max(2000).optional(),
  removeDocument: z.literal("1").optional(),
});
const deleteSchema = z.object({ intent: z.literal("delete"), id: z.string().min(1).max(100) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, graphql } = await requireAdmin(request);
  const database = db();
  const locale = resolveLocale(request, (await getShopSettings(database, shop)).language);
  const { formData, document } = await readCertificateForm(request);
  const form = Object.fromEntries(formData);
  const fail = (fieldErrors: Record<string, string>) => ({
    ok: false as const,
    fieldErrors,
  });
  try {
    const del = deleteSchema.safeParse(form);
    if (del.success) {
      return (await deleteCertificate(database, shop, del.data.id, {
        onChange: onVaultChange(getJobQueue()),
      }))
        ? { ok: true as const, intent: "delete" as const }
        : fail({ form: translate(locale, "compliance.error.gone") });
    }
    const parsed = saveSchema.safeParse(form);
    if (!parsed.success) return fail({ form: translate(locale, "compliance.error.invalid") });
    const c = parsed.data;
    // Product ids as the merchant pastes them: numbers from the admin URL, or full gids.
    const productIds = [
      ...new Set(
        c.products
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((p) => (/^\d+$/.test(p) ? productGid(p) : p)),
      ),
    ];
    const collectionIds = formData.getAll("collections").map(String);
    if (c.scopeKind === "products" && productIds.length) {
      if (!(await allTheShops(database, shop, "products", productIds)))
        return fail({ scope: translate(locale, "compliance.cert.error.unknownProducts") });
    }
    if (c.scopeKind === "collections" && collectionIds.length) {
      if (!(await allTheShops(database, shop, "collections", collectionIds)))
        return fail({ scope: translate(locale, "compliance.cert.error.collections") });
    }
    const input: CertificateInput = {
      // The service's schema refuses an unknown kind with a field error.
      kind: c.kind as CertificateType,
      number: c.number,
      issuer: c.issuer,
      scope:
        c.scopeKind === "products"
          ? { kind: "products", productIds }
          : c.scopeKind === "collections"
            ? { kind: "collections", collectionIds }
            : { kind: "all" },
      validFrom: c.validFrom,
      validTo: c.validTo || null,
      // Left out (undefined) on an edit that shows a stored file: the service keeps it.
      ...(c.documentUrl !== undefined ? { documentUrl: c.documentUrl || null } : {}),
      ...(c.removeDocument
        ? { documentFileId: null, documentName: null, documentFileStatus: null }
        : {}),
    };
    if (document) {
      // An edit of a certificate this shop does not have uploads nothing.
      if (c.id && !(await getCertificate(database, shop, c.id)))
        return fail({ form: translate(locale, "compliance.error.gone") });
      // The rest of the form is checked first, so a refused form sends no file to Shopify.
      const precheck = certificateInputSchema.safeParse(input);
      if (!precheck.success) return fail(certificateErrors(fieldErrorsOf(precheck.error), locale));
      const checked = checkDocument(document);
      if (!checked.ok)
        return fail({ document: translate(locale, DOCUMENT_ERRORS[checked.problem]) });
      try {
        const uploaded = await uploadDocument(
          { request: (operation, variables) => runOperation(graphql, operation, variables) },
          {
            kind: checked.kind,
            filename: checked.filename,
            bytes: checked.bytes,
            alt: `${c.kind} ${c.number}`.trim(),
          },
        );
        Object.assign(input, {
          documentUrl: uploaded.url,
          documentFileId: uploaded.fileId,
          documentName: uploaded.filename,
          documentFileStatus: uploaded.fileStatus,
        });
      } catch (error) {
        logger.error(
          {
            shop,
            op: "compliance.certificate.upload",
            step: error instanceof UploadError ? error.step : "request",
            err: (error as Error).message,
          },
          "could not upload a certificate document",
        );
        const reason =
          error instanceof UploadError ? error.message : translate(locale, "error.title");
        return fail({ document: translate(locale, "compliance.cert.error.upload", { reason }) });
      }
    }
    const result = await saveCertificate(database, shop, input, {
      onChange: onVaultChange(getJobQueue()),
      ...(c.id ? { id: c.id } : {}),
    });
    if (!result.ok) return fail(certificateErrors(result.fieldErrors, locale));
    return { ok: true as const, intent: "save" as const };
  } catch (error) {
    logger.error(
      { shop, op: "compliance.certificate", err: (error as Error).message },
      "could not change a certificate",
    );
    return fail({ form: translate(locale, "error.title") });
  }
};

export type Data = ReturnType<typeof useLoaderData<typeof loader>>;
export type Cert = Data["certificates"][number];

export default function Certificates() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const [search] = useSearchParams();
  const [editing, setEditing] = useState<Cert | null>(null);
  const back = search.get("product");
  return (
    <Page
      title={t("compliance.cert.title")}
      subtitle={t("compliance.cert.subtitle")}
      backAction={{
        content: t("compliance.title"),
        url: back ? `/app/compliance/products/${back}` : "/app/compliance",
      }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <RecordTable
              resourceName={{
                singular: t("compliance.cert.one"),
                plural: t("compliance.cert.title"),
              }}
              emptyState={
                <Text as="p" tone="subdued" alignment="center">
                  <span data-testid="certificates-empty">{t("compliance.cert.empty")}</span>
                </Text>
              }
              headings={[
                t("compliance.cert.kind"),
                t("compliance.cert.number"),
                t("compliance.cert.scope"),
                t("compliance.cert.valid"),
                t("compliance.cert.status"),
              ]}
              items={data.certificates}
              cells={(c) => <CertificateCells cert={c} data={data} />}
              onEdit={setEditing}
              confirmDelete={t("compliance.cert.confirmDelete")}
            />
            <Text as="p" tone="subdued" variant="bodySm">
              {t("compliance.cert.help")}
            </Text>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <CertificateForm
            key={editing?.id ?? "new"}
            data={data}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <RouteError title="compliance.cert.title" />;
}
