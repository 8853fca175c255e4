/**
 * The shape of a message catalogue. A leaf module: features' messages.ts import this type, and
 * catalog.ts imports those catalogues, so the arrows run one way (features → i18n/types ← i18n/catalog).
 */
export type Messages = Record<string, { nl: string; en: string }>;
export type Params = Record<string, string | number | null | undefined>;
