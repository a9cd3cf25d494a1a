import type { useLoaderData } from "@remix-run/react";
import type { action, loader } from "../route";

/** What the product page's loader sends for a product it found, as the pieces receive it. */
export type ProductData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { found: true }>;
/** The product page's action, for the pieces' fetchers. */
export type ProductAction = typeof action;
