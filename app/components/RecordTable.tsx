import { useFetcher } from "@remix-run/react";
import { Banner, Button, ButtonGroup, Card, IndexTable } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useT } from "../i18n/i18n";

/** What a page's action answers to `intent=delete`; only a refusal's form error is shown. */
interface DeleteAnswer {
  ok: boolean;
  fieldErrors?: Record<string, string>;
}

/**
 * The list of a page's own records with an edit and a delete on each row, as the EPR
 * registrations and the certificate vault show theirs. Editing happens in the page's form
 * (`onEdit`); a delete is confirmed, then posted to the page's own action as
 * `{ intent: "delete", id }`, and a refusal is shown under the table.
 */
export function RecordTable<Item extends { id: string }>({
  resourceName,
  emptyState,
  headings,
  items,
  cells,
  onEdit,
  confirmDelete,
}: {
  resourceName: { singular: string; plural: string };
  emptyState: ReactNode;
  /** The columns before the last one, which holds the row's buttons. */
  headings: [string, ...string[]];
  items: readonly Item[];
  /** A row's `IndexTable.Cell`s, one for each heading. */
  cells: (item: Item) => ReactNode;
  onEdit: (item: Item) => void;
  confirmDelete: string;
}) {
  const t = useT();
  const remove = useFetcher<DeleteAnswer>();
  const [first, ...rest] = headings;
  return (
    <>
      <Card padding="0">
        <IndexTable
          resourceName={resourceName}
          itemCount={items.length}
          selectable={false}
          emptyState={emptyState}
          headings={[{ title: first }, ...rest.map((title) => ({ title })), { title: "" }]}
        >
          {items.map((item, i) => (
            <IndexTable.Row id={item.id} key={item.id} position={i}>
              {cells(item)}
              <IndexTable.Cell>
                <ButtonGroup>
                  <Button variant="plain" onClick={() => onEdit(item)}>
                    {t("compliance.edit")}
                  </Button>
                  <Button
                    variant="plain"
                    tone="critical"
                    onClick={() => {
                      if (window.confirm(confirmDelete))
                        remove.submit({ intent: "delete", id: item.id }, { method: "post" });
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
        <Banner tone="critical">{remove.data.fieldErrors?.form}</Banner>
      ) : null}
    </>
  );
}
