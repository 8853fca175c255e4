/**
 * Amsterdam areas for the social map: the 7 stadsdelen and 13 wijkgroep-like neighbourhoods (the ROHA
 * has 13 huisartsenwijkgroepen) with the four-digit postcodes (PC4) they cover.
 *
 * The PC4 lists are REALISTIC APPROXIMATIONS, not an official mapping: Amsterdam postcodes run 1011–1109
 * and follow the stadsdelen only roughly (1013 straddles Centrum and West; 1059 is Zuid; Westpoort 1040s
 * is industrial and assigned nowhere). Each PC4 belongs to exactly one wijk here so that "1092" has one
 * answer. Weesp (stadsdeel since 2022, 138x) is left out: outside the 1011–1109 range of our groups.
 *
 * "Oost" is the wijk(groep) Oost (Oud-Oost, Indische Buurt, Oostelijk Havengebied), not the whole
 * stadsdeel: Watergraafsmeer and IJburg are their own groups. "stadsdeel Oost" and the historic name
 * "Oost-Watergraafsmeer" are explicit multi-wijk aliases. "Zuidoost" is a different wijk entirely; all
 * matching is on whole words so the two never meet.
 */
import { distance } from 'fastest-levenshtein';
import { phraseKey, typoTolerance } from './text';

export interface StadsdeelDef {
  code: string;
  name: string;
}

export interface WijkDef {
  code: string;
  name: string;
  stadsdeel: string;
  /** Neighbourhood names people use for (part of) this wijk. */
  aliases: string[];
  pc4: string[];
}

export const STADSDELEN: readonly StadsdeelDef[] = [
  { code: 'centrum', name: 'Centrum' },
  { code: 'noord', name: 'Noord' },
  { code: 'west', name: 'West' },
  { code: 'nieuw-west', name: 'Nieuw-West' },
  { code: 'zuid', name: 'Zuid' },
  { code: 'oost', name: 'Oost' },
  { code: 'zuidoost', name: 'Zuidoost' },
];

function range(from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(String(n));
  return out;
}

export const WIJKEN: readonly WijkDef[] = [
  {
    code: 'centrum', name: 'Centrum', stadsdeel: 'centrum', pc4: ['1011', '1012', '1015', '1016', '1017', '1018'],
    aliases: ['amsterdam centrum', 'binnenstad', 'jordaan', 'grachtengordel', 'nieuwmarkt', 'plantage'],
  },
  {
    code: 'noord', name: 'Noord', stadsdeel: 'noord', pc4: range(1021, 1037),
    aliases: ['amsterdam noord', 'noord amsterdam', 'buikslotermeer', 'nieuwendam', 'tuindorp oostzaan', 'de banne', 'volewijck'],
  },
  {
    code: 'west', name: 'West', stadsdeel: 'west', pc4: ['1013', '1014', '1051', '1052', '1053', '1054', '1057', '1058'],
    aliases: ['amsterdam west', 'oud west', 'de baarsjes', 'baarsjes', 'westerpark', 'spaarndammerbuurt', 'kinkerbuurt'],
  },
  {
    code: 'bos-en-lommer', name: 'Bos en Lommer', stadsdeel: 'west', pc4: ['1055', '1056'],
    aliases: ['bos lommer', 'bosenlommer'],
  },
  {
    code: 'nieuw-west', name: 'Nieuw-West', stadsdeel: 'nieuw-west', pc4: ['1060', '1061', '1062', '1063', '1064', '1067', '1068', '1069'],
    aliases: ['nieuwwest', 'amsterdam nieuw west', 'osdorp', 'geuzenveld', 'slotermeer', 'de aker'],
  },
  {
    code: 'slotervaart', name: 'Slotervaart', stadsdeel: 'nieuw-west', pc4: ['1065', '1066'],
    aliases: ['overtoomse veld', 'nieuw sloten'],
  },
  {
    code: 'zuid', name: 'Zuid', stadsdeel: 'zuid', pc4: ['1059', '1071', '1075', '1076', '1077', '1078', '1079'],
    aliases: ['amsterdam zuid', 'oud zuid', 'rivierenbuurt', 'museumkwartier', 'schinkelbuurt', 'hoofddorppleinbuurt'],
  },
  {
    code: 'de-pijp', name: 'De Pijp', stadsdeel: 'zuid', pc4: ['1072', '1073', '1074'],
    aliases: ['pijp', 'oude pijp', 'nieuwe pijp'],
  },
  {
    code: 'buitenveldert', name: 'Buitenveldert', stadsdeel: 'zuid', pc4: ['1081', '1082', '1083'],
    aliases: ['zuidas'],
  },
  {
    code: 'oost', name: 'Oost', stadsdeel: 'oost', pc4: ['1019', '1086', '1091', '1092', '1093', '1094', '1095'],
    aliases: ['amsterdam oost', 'oud oost', 'oosterpark', 'oosterparkbuurt', 'dapperbuurt', 'transvaal', 'indische buurt', 'oostelijk havengebied', 'zeeburg'],
  },
  {
    code: 'watergraafsmeer', name: 'Watergraafsmeer', stadsdeel: 'oost', pc4: ['1096', '1097', '1098'],
    aliases: ['frankendael', 'betondorp', 'middenmeer', 'science park'],
  },
  {
    code: 'ijburg', name: 'IJburg', stadsdeel: 'oost', pc4: ['1087'],
    aliases: ['ij burg', 'zeeburgereiland', 'steigereiland', 'haveneiland'],
  },
  {
    code: 'zuidoost', name: 'Zuidoost', stadsdeel: 'zuidoost', pc4: range(1101, 1109),
    aliases: ['zuid oost', 'amsterdam zuidoost', 'bijlmer', 'bijlmermeer', 'gaasperdam', 'holendrecht', 'reigersbos', 'driemond', 'venserpolder', 'ganzenhoef'],
  },
];

/** Adjacent wijken (declared once per pair; made symmetric below). Used to widen a search with no hits. */
const NEIGHBOUR_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['centrum', 'west'], ['centrum', 'zuid'], ['centrum', 'de-pijp'], ['centrum', 'oost'], ['centrum', 'noord'],
  ['west', 'bos-en-lommer'], ['west', 'nieuw-west'], ['west', 'zuid'],
  ['bos-en-lommer', 'nieuw-west'],
  ['nieuw-west', 'slotervaart'],
  ['slotervaart', 'zuid'], ['slotervaart', 'buitenveldert'],
  ['zuid', 'de-pijp'], ['zuid', 'buitenveldert'],
  ['de-pijp', 'oost'], ['de-pijp', 'watergraafsmeer'], ['de-pijp', 'buitenveldert'],
  ['oost', 'watergraafsmeer'], ['oost', 'ijburg'], ['oost', 'noord'],
  ['watergraafsmeer', 'ijburg'], ['watergraafsmeer', 'zuidoost'],
];

/** Names that stand for several wijken at once. */
const GROUP_ALIASES: ReadonlyArray<readonly [string, string[]]> = [
  ['oost watergraafsmeer', ['oost', 'watergraafsmeer']],
  ...STADSDELEN.map((s): readonly [string, string[]] => [
    `stadsdeel ${s.name}`,
    WIJKEN.filter((w) => w.stadsdeel === s.code).map((w) => w.code),
  ]),
];

const BY_CODE = new Map(WIJKEN.map((w) => [w.code, w]));
const BY_PC4 = new Map<string, string>();
for (const w of WIJKEN) for (const p of w.pc4) BY_PC4.set(p, w.code);

const NEIGHBOURS = new Map<string, string[]>(WIJKEN.map((w) => [w.code, []]));
for (const [a, b] of NEIGHBOUR_PAIRS) {
  NEIGHBOURS.get(a)!.push(b);
  NEIGHBOURS.get(b)!.push(a);
}

/** Folded phrase → wijk codes. Both "bos en lommer" and "bosenlommer" style keys. */
const PHRASES = new Map<string, string[]>();
function addPhrase(text: string, codes: string[]): void {
  const key = phraseKey(text);
  if (key && !PHRASES.has(key)) PHRASES.set(key, codes);
}
for (const w of WIJKEN) {
  for (const name of [w.name, w.code, ...w.aliases]) addPhrase(name, [w.code]);
}
for (const [alias, codes] of GROUP_ALIASES) addPhrase(alias, codes);
const FUZZY_KEYS = [...PHRASES.keys()].filter((k) => !k.includes(' '));

export function getWijk(code: string): WijkDef | undefined {
  return BY_CODE.get(code);
}

export function wijkName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}

export function wijkForPc4(pc4: string): string | null {
  return BY_PC4.get(pc4) ?? null;
}

export function neighboursOf(code: string): string[] {
  return NEIGHBOURS.get(code) ?? [];
}

/** Folded phrase → codes, for the query parser's phrase matcher. */
export function wijkPhrases(): ReadonlyMap<string, string[]> {
  return PHRASES;
}

/** Exact name or alias (case, diacritics, hyphens and spacing ignored) → wijk codes, or null. */
export function resolveWijk(text: string): string[] | null {
  const key = phraseKey(text);
  return PHRASES.get(key) ?? PHRASES.get(key.replace(/ /g, '')) ?? null;
}

/** Closest wijk name for a typo ("Watergraafsmer"), within the usual length-scaled tolerance. */
export function suggestWijk(text: string, loose = false): string[] | null {
  const compact = phraseKey(text).replace(/ /g, '');
  if (!compact) return null;
  const max = loose ? Math.max(typoTolerance(compact.length), Math.ceil(compact.length / 3)) : typoTolerance(compact.length);
  if (max <= 0) return null;
  let best: { codes: string[]; d: number } | null = null;
  for (const k of FUZZY_KEYS) {
    if (Math.abs(k.length - compact.length) > max) continue;
    const d = distance(compact, k);
    if (d <= max && (!best || d < best.d)) best = { codes: PHRASES.get(k)!, d };
  }
  return best?.codes ?? null;
}
