/**
 * The edition of the compliance rule packs. Bump it whenever a rule, term list, format or source
 * changes, so stored findings and labels say which edition judged them.
 */
export const PACKS_VERSION = "compliance@2026-12-02.1";
