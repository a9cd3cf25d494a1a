import { Card, EmptyState, Page } from "@shopify/polaris";

/**
 * A capability this store has no results for yet. It says what will appear and why it is
 * empty, and shows no invented figures.
 */
export function NotYet({ title, heading, body }: { title: string; heading: string; body: string }) {
  return (
    <Page title={title}>
      <Card>
        <EmptyState heading={heading} image="">
          <p>{body}</p>
        </EmptyState>
      </Card>
    </Page>
  );
}
