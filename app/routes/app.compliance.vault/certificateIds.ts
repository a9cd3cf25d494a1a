import type { DocumentProblem } from "../../compliance/documents/validate";
import type { MessageKey } from "../../i18n/en";

/** What the merchant reads for each way a chosen document is refused, in the form and the action. */
export const DOCUMENT_ERRORS: Record<DocumentProblem, MessageKey> = {
  empty: "compliance.cert.error.fileEmpty",
  tooLarge: "compliance.cert.error.fileSize",
  type: "compliance.cert.error.fileType",
};

// Merchants see and paste products' numbers (from the admin URL); the scope stores full gids.
export const productGid = (n: string) => `gid://shopify/Product/${n}`;
export const numberOf = (gid: string) => gid.split("/").pop() ?? gid;
