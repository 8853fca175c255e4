/**
 * What the date parser hands back besides a date: remarks to show before anything is saved, and lines of
 * "this is what I understood". Shared by every feature that reads Dutch dates (meetings, polls, summaries,
 * the social map), so they live here rather than in any one of them.
 */

/** A non-blocking remark about what was parsed: shown to the user before anything is saved. */
export interface DateWarning {
  code: string;
  params: Record<string, string | number>;
}

/** One line of "this is what I understood", with the words the user typed so they can spot a misreading. */
export interface UnderstoodItem {
  field: string;
  input: string;
  nl: string;
  en: string;
}
