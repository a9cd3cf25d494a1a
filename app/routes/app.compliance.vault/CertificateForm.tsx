import { useFetcher, useSearchParams } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  DropZone,
  FormLayout,
  InlineError,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import {
  chosenFileProblem,
  DOCUMENT_ACCEPT,
  type DocumentProblem,
} from "../../compliance/documents/validate";
import { useT } from "../../i18n/i18n";
import { DOCUMENT_ERRORS, numberOf, productGid } from "./certificateIds";
import type { action, Cert, Data } from "./route";

/** Adds a certificate, or edits the one picked in the table; a document is uploaded with it. */
export function CertificateForm({
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
