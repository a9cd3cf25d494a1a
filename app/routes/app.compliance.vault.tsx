import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  Checkbox,
  ChoiceList,
  DropZone,
  FormLayout,
  IndexTable,
  InlineError,
  InlineStack,
  Layout,
  Link,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "../admin.server";
import { collectionOptions } from "../channels/queries.server";
import { certificateErrors, certificatesWithStatus, today } from "../compliance/queries.server";
import { CERTIFICATE_TYPES, type CertificateType } from "../compliance/types";
import { deleteCertificate, getCertificate, saveCertificate } from "../compliance/vault.server";
import { readCertificateForm } from "../compliance/documents/form.server";
import { UploadError, uploadDocument } from "../compliance/documents/upload.server";
import {
  checkDocument,
  DOCUMENT_ACCEPT,
  chosenFileProblem,
  type DocumentProblem,
} from "../compliance/documents/validate";
import {
  certificateInputSchema,
  fieldErrorsOf,
  type CertificateInput,
} from "../compliance/schemas.server";
import { runOperation } from "../graphql/client.server";
import type { MessageKey } from "../i18n/en";
import { db } from "../db.server";
import { resolveLocale, translate, useT } from "../i18n/i18n";
import { logger } from "../logger.server";
import { getShopSettings } from "../shop/settings.server";
import { CertificateStatusBadge } from "../components/ComplianceBits";
import { RouteError } from "../components/RouteError";
import { getJobQueue } from "../background.server";
import { onVaultChange } from "../compliance/jobs.server";
import { allTheShops, productTitles } from "../sync/read.server";

const DOCUMENT_ERRORS: Record<DocumentProblem, MessageKey> = {
  empty: "compliance.cert.error.fileEmpty",
  tooLarge: "compliance.cert.error.fileSize",
  type: "compliance.cert.error.fileType",
};

const productGid = (n: string) => `gid://shopify/Product/${n}`;
const numberOf = (gid: string) => gid.split("/").pop() ?? gid;

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

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Cert = Data["certificates"][number];

function ScopeText({ cert, data }: { cert: Cert; data: Data }) {
  const t = useT();
  const s = cert.scope;
  if (s.kind === "all") return <>{t("compliance.cert.scope.all")}</>;
  if (s.kind === "collections") {
    const names = s.collectionIds.map(
      (id) => data.collections.find((c) => c.value === id)?.label ?? numberOf(id),
    );
    return <>{t("compliance.cert.scope.collectionsList", { names: names.join(", ") })}</>;
  }
  const names = s.productIds.slice(0, 3).map((id) => data.titles[id] ?? numberOf(id));
  const more = s.productIds.length - names.length;
  return (
    <>
      {t("compliance.cert.scope.productsList", {
        names: names.join(", ") + (more > 0 ? ` +${more}` : ""),
      })}
    </>
  );
}

export default function Certificates() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const [search] = useSearchParams();
  const remove = useFetcher<typeof action>();
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
            <Card padding="0">
              <IndexTable
                resourceName={{
                  singular: t("compliance.cert.one"),
                  plural: t("compliance.cert.title"),
                }}
                itemCount={data.certificates.length}
                selectable={false}
                emptyState={
                  <Text as="p" tone="subdued" alignment="center">
                    <span data-testid="certificates-empty">{t("compliance.cert.empty")}</span>
                  </Text>
                }
                headings={[
                  { title: t("compliance.cert.kind") },
                  { title: t("compliance.cert.number") },
                  { title: t("compliance.cert.scope") },
                  { title: t("compliance.cert.valid") },
                  { title: t("compliance.cert.status") },
                  { title: "" },
                ]}
              >
                {data.certificates.map((c, i) => (
                  <IndexTable.Row id={c.id} key={c.id} position={i}>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {t(`compliance.certType.${c.type}`)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="050">
                        <span data-testid="certificate-number">{c.number}</span>
                        <Text as="span" tone="subdued" variant="bodySm">
                          {c.issuer || "—"}
                          {c.documentUrl ? (
                            <>
                              {" · "}
                              <Link url={c.documentUrl} target="_blank">
                                {t("compliance.cert.document")}
                              </Link>
                            </>
                          ) : null}
                        </Text>
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <div style={{ maxWidth: 260, whiteSpace: "normal" }}>
                        <ScopeText cert={c} data={data} />
                      </div>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {c.validFrom} – {c.validTo ?? t("compliance.cert.noExpiry")}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <span data-testid="certificate-status" data-status={c.status}>
                        <CertificateStatusBadge status={c.status} />
                      </span>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <ButtonGroup>
                        <Button variant="plain" onClick={() => setEditing(c)}>
                          {t("compliance.edit")}
                        </Button>
                        <Button
                          variant="plain"
                          tone="critical"
                          onClick={() => {
                            if (window.confirm(t("compliance.cert.confirmDelete")))
                              remove.submit({ intent: "delete", id: c.id }, { method: "post" });
                          }}
                        >
                          {t("compliance.delete")}
                        </Button>
                      </ButtonGroup>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </Card>
            {remove.data && !remove.data.ok ? (
              <Banner tone="critical">{remove.data.fieldErrors.form}</Banner>
            ) : null}
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

function CertificateForm({
  data,
  editing,
  onDone,
}: {
  data: Data;
  editing: Cert | null;
  onDone: () => void;
}) {
  const t = useT();
  const [search] = useSearchParams();
  const save = useFetcher<typeof action>();
  // A one-click fix from a finding arrives with ?type=CE&product=123 (this product as scope).
  const fromProduct = search.get("product");
  const [kind, setKind] = useState<string>(
    editing?.type ?? search.get("type") ?? data.types[0] ?? "CE",
  );
  const [number, setNumber] = useState(editing?.number ?? "");
  const [issuer, setIssuer] = useState(editing?.issuer ?? "");
  const [scopeKind, setScopeKind] = useState<string>(
    editing?.scope.kind ?? (fromProduct ? "products" : "all"),
  );
  const [products, setProducts] = useState(
    editing?.scope.kind === "products"
      ? editing.scope.productIds.map(numberOf).join("\n")
      : (fromProduct ?? ""),
  );
  const [collections, setCollections] = useState<string[]>(
    editing?.scope.kind === "collections" ? editing.scope.collectionIds : [],
  );
  const [validFrom, setValidFrom] = useState(editing?.validFrom ?? "");
  const [validTo, setValidTo] = useState(editing?.validTo ?? "");
  const [documentUrl, setDocumentUrl] = useState(editing?.documentUrl ?? "");
  // The chosen file stays in state until a save lands: a failed upload keeps it and every field.
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<DocumentProblem | null>(null);
  const [removeDocument, setRemoveDocument] = useState(false);
  const storedFile = editing?.documentName && !removeDocument ? editing : null;
  const errors: Record<string, string> = save.data && !save.data.ok ? save.data.fieldErrors : {};
  const saved = save.data?.ok;
  useEffect(() => {
    if (saved && editing) onDone();
    if (saved) setFile(null);
    if (saved && !editing) setNumber("");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a save lands
  }, [save.data]);
  const named = products
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((p) => data.titles[/^\d+$/.test(p) ? productGid(p) : p])
    .filter(Boolean);
  return (
    <Card>
      <save.Form
        method="post"
        encType="multipart/form-data"
        onSubmit={(event) => {
          event.preventDefault();
          if (fileProblem) return;
          const body = new FormData(event.currentTarget);
          if (file) body.set("document", file);
          save.submit(body, { method: "post", encType: "multipart/form-data" });
        }}
      >
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <input type="hidden" name="scopeKind" value={scopeKind} />
        {scopeKind === "collections"
          ? collections.map((c) => <input key={c} type="hidden" name="collections" value={c} />)
          : null}
        <FormLayout>
          <Text as="h2" variant="headingMd">
            {editing ? t("compliance.cert.editTitle") : t("compliance.cert.addTitle")}
          </Text>
          {errors.form ? <Banner tone="critical">{errors.form}</Banner> : null}
          <Select
            label={t("compliance.cert.kind")}
            name="kind"
            value={kind}
            options={data.types.map((k) => ({ value: k, label: t(`compliance.certType.${k}`) }))}
            onChange={setKind}
            error={errors.kind}
          />
          <TextField
            label={t("compliance.cert.number")}
            name="number"
            value={number}
            onChange={setNumber}
            autoComplete="off"
            error={errors.number}
          />
          <TextField
            label={t("compliance.cert.issuer")}
            name="issuer"
            value={issuer}
            onChange={setIssuer}
            autoComplete="off"
            error={errors.issuer}
          />
          <Select
            label={t("compliance.cert.scope")}
            value={scopeKind}
            options={[
              { value: "all", label: t("compliance.cert.scope.all") },
              { value: "products", label: t("compliance.cert.scope.products") },
              { value: "collections", label: t("compliance.cert.scope.collections") },
            ]}
            onChange={setScopeKind}
          />
          {scopeKind === "products" ? (
            <TextField
              label={t("compliance.cert.products")}
              name="products"
              value={products}
              onChange={setProducts}
              autoComplete="off"
              multiline={3}
              helpText={
                named.length
                  ? t("compliance.cert.productsNamed", { names: named.join(", ") })
                  : t("compliance.cert.productsHelp")
              }
              error={errors.scope}
            />
          ) : null}
          {scopeKind === "collections" ? (
            data.collections.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("compliance.cert.noCollections")}
              </Text>
            ) : (
              <ChoiceList
                title={t("compliance.cert.scope.collections")}
                allowMultiple
                choices={data.collections}
                selected={collections}
                onChange={setCollections}
                error={errors.scope}
              />
            )
          ) : null}
          {scopeKind === "all" && errors.scope ? (
            <Text as="p" tone="critical">
              {errors.scope}
            </Text>
          ) : null}
          <FormLayout.Group condensed>
            <TextField
              label={t("compliance.cert.validFrom")}
              name="validFrom"
              type="date"
              value={validFrom}
              onChange={setValidFrom}
              autoComplete="off"
              error={errors.validFrom}
            />
            <TextField
              label={t("compliance.cert.validTo")}
              name="validTo"
              type="date"
              value={validTo}
              onChange={setValidTo}
              autoComplete="off"
              helpText={t("compliance.cert.validToHelp")}
              error={errors.validTo}
            />
          </FormLayout.Group>
          <DropZone
            label={t("compliance.cert.documentFile")}
            accept={DOCUMENT_ACCEPT}
            type="file"
            allowMultiple={false}
            error={Boolean(fileProblem ?? errors.document)}
            onDrop={(_all, accepted, rejected) => {
              const chosen = accepted[0] ?? rejected[0] ?? null;
              setFile(chosen);
              setFileProblem(chosen ? chosenFileProblem(chosen) : null);
            }}
          >
            {file ? (
              <div style={{ padding: "var(--p-space-400)" }}>
                <Text as="p" alignment="center">
                  <span data-testid="certificate-file">{file.name}</span>
                </Text>
              </div>
            ) : (
              <DropZone.FileUpload actionHint={t("compliance.cert.documentFileHelp")} />
            )}
          </DropZone>
          {fileProblem || errors.document ? (
            <InlineError
              message={fileProblem ? t(DOCUMENT_ERRORS[fileProblem]) : (errors.document ?? "")}
              fieldID="certificate-document"
            />
          ) : null}
          {storedFile ? (
            <BlockStack gap="100">
              <Text as="p">
                {t("compliance.cert.documentCurrent", { name: storedFile.documentName ?? "" })}
              </Text>
              {storedFile.documentProcessing ? (
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("compliance.cert.documentProcessing")}
                </Text>
              ) : null}
              <Checkbox
                label={t("compliance.cert.documentRemove")}
                checked={removeDocument}
                onChange={(remove) => {
                  setRemoveDocument(remove);
                  // The address was the file's own: it goes with the file.
                  if (remove) setDocumentUrl("");
                }}
              />
            </BlockStack>
          ) : (
            <TextField
              label={t("compliance.cert.documentUrl")}
              name="documentUrl"
              type="url"
              value={documentUrl}
              onChange={setDocumentUrl}
              autoComplete="off"
              placeholder="https://"
              helpText={t("compliance.cert.documentUrlHelp")}
              error={errors.documentUrl}
            />
          )}
          {removeDocument ? <input type="hidden" name="removeDocument" value="1" /> : null}
          {saved ? (
            <Banner tone="success">
              <span data-testid="certificate-saved">{t("compliance.cert.saved")}</span>
            </Banner>
          ) : null}
          <InlineStack gap="200">
            <Button submit variant="primary" loading={save.state !== "idle"}>
              {t("compliance.save")}
            </Button>
            {editing ? <Button onClick={onDone}>{t("compliance.cancel")}</Button> : null}
          </InlineStack>
        </FormLayout>
      </save.Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteError title="compliance.cert.title" />;
}
