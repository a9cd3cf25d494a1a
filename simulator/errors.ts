/**
 * Shopify answers query errors with its own (graphql-ruby) messages and `extensions.code`s, e.g.
 * `Field 'titl' doesn't exist on type 'Product'` with code `undefinedField`. The app may log or
 * match on these, so the most common graphql-js validation messages are translated; the rest
 * keep graphql-js's wording with a generic code.
 */
import type { GraphQLError, GraphQLFormattedError } from "graphql";

interface Translated {
  message: string;
  extensions: Record<string, unknown>;
}

const RULES: { re: RegExp; build: (m: RegExpExecArray) => Translated }[] = [
  {
    re: /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    build: (m) => ({
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    }),
  },
  {
    re: /^Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"\./,
    build: (m) => ({
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      extensions: {
        code: "argumentNotAccepted",
        name: m[3],
        typeName: "Field",
        argumentName: m[1],
      },
    }),
  },
  {
    re: /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./,
    build: (m) => ({
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: {
        code: "missingRequiredArguments",
        className: "Field",
        name: m[1],
        arguments: m[2],
      },
    }),
  },
  {
    re: /^Unknown type "([^"]+)"\./,
    build: (m) => ({
      message: `No such type ${m[1]}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: m[1] },
    }),
  },
  {
    re: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\./,
    build: (m) => ({
      message: `Field must have selections (field '${m[1]}' returns ${(m[2] ?? "").replace(/[![\]]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${m[1]}'`,
        typeName: (m[2] ?? "").replace(/[![\]]/g, ""),
      },
    }),
  },
  {
    re: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\./,
    build: (m) => ({
      message: `Selections can't be made on scalars (field '${m[1]}' returns ${(m[2] ?? "").replace(/[![\]]/g, "")} but has selections)`,
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${m[1]}'`,
        typeName: (m[2] ?? "").replace(/[![\]]/g, ""),
      },
    }),
  },
  {
    re: /^Variable "\$([^"]+)" is never used/,
    build: (m) => ({
      message: `Variable $${m[1]} is declared but not used`,
      extensions: { code: "variableNotUsed", variableName: m[1] },
    }),
  },
  {
    re: /^Variable "\$([^"]+)" is not defined/,
    build: (m) => ({
      message: `Variable $${m[1]} is used but not declared`,
      extensions: { code: "variableNotDefined", variableName: m[1] },
    }),
  },
];

export function shopifyValidationMessage(error: GraphQLError): Translated {
  for (const rule of RULES) {
    const m = rule.re.exec(error.message);
    if (m) return rule.build(m);
  }
  return { message: error.message, extensions: { code: "invalidQuery" } };
}

/** A validation error as it appears in the `errors` array of a response. */
export function formatValidationError(error: GraphQLError): GraphQLFormattedError {
  const { message, extensions } = shopifyValidationMessage(error);
  return {
    message,
    ...(error.locations ? { locations: error.locations } : {}),
    extensions,
  };
}
