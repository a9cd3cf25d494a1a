import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import en from "@shopify/polaris/locales/en.json";
import { useState } from "react";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

function errorFor(result: Awaited<ReturnType<typeof login>> | null | undefined) {
  if (!result || result instanceof Response) return undefined;
  if (result.shop === "MISSING_SHOP") return "Enter your shop domain to log in.";
  if (result.shop === "INVALID_SHOP")
    return "Enter a valid shop domain, like my-shop.myshopify.com.";
  return undefined;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const result = await login(request);
  return { error: errorFor(result) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const result = await login(request);
  return { error: errorFor(result) };
};

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  return (
    <AppProvider i18n={en}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                Log in to Seaworthy
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={actionData?.error ?? loaderData.error}
              />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
