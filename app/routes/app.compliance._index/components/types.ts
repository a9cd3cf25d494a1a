import type { useLoaderData } from "@remix-run/react";
import type { action, loader } from "../route";

/** What the overview's loader sends, as the page's pieces receive it (dates as strings). */
export type OverviewData = ReturnType<typeof useLoaderData<typeof loader>>;
/** The overview's action, for the pieces' fetchers. */
export type OverviewAction = typeof action;
