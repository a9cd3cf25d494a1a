import type { useLoaderData } from "@remix-run/react";
import type { loader } from "./route";

/** The page's data as the browser sees it (type-only, so the pieces import no server code). */
export type Data = ReturnType<typeof useLoaderData<typeof loader>>;
