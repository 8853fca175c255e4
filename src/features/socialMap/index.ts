/** Public surface of the social map domain (pure logic: no Teams, no database). */
export * from './types';
export { DISCIPLINES, disciplineLabel, disciplineAncestors, disciplineChildren, getDiscipline, resolveDiscipline, suggestDiscipline, type DisciplineDef, type DisciplineMatch } from './disciplines';
export { WIJKEN, STADSDELEN, getWijk, wijkName, wijkForPc4, neighboursOf, resolveWijk, suggestWijk, type WijkDef } from './wijken';
export { CHANNELS, channelLabel, resolveChannel } from './channels';
export { parseLookupQuery, describeLookupQuery, emptyLookupQuery, isEmptyLookupQuery, weekdayName, type LookupQuery, type ParseOptions } from './queryParser';
export { SocialMapIndex, type SearchOptions, type SearchResult, type SearchHit, type SearchMatch, type WidenSuggestion, type WidenKind, type Suggestion } from './searchIndex';
export { parsePartnerCsv, toPartnerCsv, partnerIdentityKey, nameIdentityKey, sameIdentity, PARTNER_CSV_HEADER, type CsvError, type PartnerCsvResult } from './csvFormat';
export { checkPostcode, checkAgb, checkDutchPhone, checkEmail, checkWebsite, checkDate, phoneToE164, amsterdamToday } from './formats';
export { stalePartners, isStale90, calendarDaysBetween, type StaleEntry, type StaleReason } from './freshness';
export { generatePartners, DEMO_REFERENCE_DATE } from './demoData';
export { socialMapMessages, renderMessage } from './messages';
