/**
 * Questions about Wijkbot itself. "wat kun je?", "what can you do?", "hoe werkt dit?" get the help
 * overview; "hoe werkt een peiling?", "hoe plan ik een FTO?", "how do I close a poll?" get the help of that
 * one command with an example. Matched on folded words; the commands are named by their first name.
 */

/** Questions and requests about the bot as a whole (matched on the folded, space-joined words). */
const HELP_PATTERNS: readonly RegExp[] = [
  /\bwat (kun|kan|kunt|doe|doet|moet|kan ik|kun ik|kunnen we|kan je|kun je|kan jij|kun jij)( je| jij| u| ik| we| wijkbot| je nou| je eigenlijk| jij eigenlijk)?( (hier|ermee|er|met jou|met je|met wijkbot|voor mij|voor me|voor ons|nog|zoal|zoals|eigenlijk|dan|nou|precies|allemaal|mee|doen|doet))*$/,
  /\bwat (is|doet|kan) (wijkbot|deze bot|dit|jij|je)\b/,
  /\bwie (ben|bent|is) (jij|je|u|wijkbot)\b/,
  /^hoe werk(t|en)( (dit|het|dat|wijkbot|deze bot|de bot|jij|je|u|alles|hier))*$/,
  /\b(ik )?(weet|snap|begrijp) (niet|het niet|niet goed) (hoe|wat) (dit|het|je|jij|wijkbot|de bot)?\s*(werkt|doet|kan|moet)?/,
  /\b(welke|wat zijn (de|je|jouw)|wat voor) (commandos|commando|opdrachten|mogelijkheden|functies|opties|dingen)\b/,
  /^(uitleg|instructie|instructies|handleiding|commandos|opdrachten|mogelijkheden|functies|menu|info|informatie|start|begin|hulp nodig|help nodig)( graag| aub| please| svp)?$/,
  /\b(ik heb|i need) (hulp|help)( nodig)?\b/,
  /\b(kun|kan) (je|jij|u) (me|mij) (uitleggen|helpen|vertellen)( wat| hoe)?\b/,
  /\bwhat (can|do|does|are) (you|u|wijkbot|this bot|this)( do| for me| do for me| help with)*$/,
  /\bwhat (is|are) (wijkbot|this bot|you)\b/,
  /\bwho are (you|u)\b/,
  /^(can|could) (you|u) help( me| us)?( please| pls)?$/,
  /\bhow (does|do) (this|it|wijkbot|the bot|this bot|you) work\b/,
  /\b(show|list|give) (me )?(the |your |all )?(commands|options|features)\b/,
  /^(commands|options|features|instructions|getting started|how to use)$/,
  /\b(hoe|how) (gebruik|use) (ik|i) (dit|je|jou|wijkbot|this|you|it)\b/,
];

/** Does the message start like a how-to question or request? */
const QUESTION_START = /^(hoe|how|kan ik|kun ik|can i|could i|waar (zie|vind|kan)|where (do|can|is)|wat moet ik|what do i|ik wil|i want to|i would like to|ik zou graag|help me (met|with)?|hoe kan ik|hoe moet ik|hoe doe ik|is het mogelijk|kun je uitleggen hoe|uitleg over|wanneer (is|zijn|hebben)|when (is|are)|help)\b/;

/**
 * "welke wijkgroepen zijn er?", "wat zijn de afspraken van Oost?": a question for a list. Only the list
 * commands answer it: "wat zijn de wachttijden in Oost?" asks the social map, not how to set a wachttijd.
 */
const LIST_START = /^(welke|which|wat zijn|what are)\b/;
const LIST_COMMANDS = new Set(['wijkgroepen', 'afspraken', 'peilingen', 'mijn acties', 'agenda']);

/** When a question about meetings asks "when", the answer is the agenda. */
const WHEN_START = /^(wanneer|when)\b/;

interface Topic {
  command: string;
  /** each inner list: all of these words (or word prefixes ending in '*') must occur */
  needs: readonly (readonly string[])[];
}

/**
 * Most specific first: "peiling sluiten" before "peiling", "presentielijst" before "aanwezig", the verbs
 * (verzetten, annuleren) before the meeting nouns that would otherwise mean "plan".
 */
const TOPICS: readonly Topic[] = [
  { command: 'sluit peiling', needs: [['sluit*', 'peiling*'], ['close', 'poll*'], ['beeindig*', 'peiling*'], ['stop*', 'peiling*']] },
  { command: 'herinner peiling', needs: [['herinner*', 'peiling*'], ['remind*', 'poll*']] },
  { command: 'presentielijst', needs: [['presentielijst*'], ['attendance', 'list*']] },
  { command: 'aanwezig', needs: [['aanwezig*'], ['presentie'], ['attendance'], ['wie', 'was'], ['wie', 'waren']] },
  { command: 'ontkoppel', needs: [['ontkoppel*'], ['unlink*']] },
  { command: 'koppel', needs: [['koppel*'], ['kanaal'], ['kanalen'], ['channel*'], ['link*']] },
  { command: 'mijn acties', needs: [['actiepunt*'], ['acties'], ['taken'], ['action', 'item*'], ['my', 'actions'], ['to', 'do*']] },
  { command: 'afspraken', needs: [['afspraken'], ['agreements']] },
  { command: 'afspraak', needs: [['afspraak'], ['agreement']] },
  { command: 'opnamestop', needs: [['opnamestop*'], ['patientenstop*'], ['intake', 'stop*']] },
  { command: 'wachttijd', needs: [['wachttijd*'], ['wachtlijst*'], ['waiting', 'time*']] },
  { command: 'gecontroleerd', needs: [['gecontroleerd'], ['controleer*'], ['checked'], ['nagevraagd']] },
  { command: 'rol', needs: [['rol'], ['rollen'], ['role*'], ['rechten'], ['beheerder'], ['coordinator', 'maken'], ['coordinator', 'geven'], ['raadslid', 'maken']] },
  { command: 'wijkgroepen', needs: [['wijkgroep*'], ['groups']] },
  { command: 'verzet', needs: [['verzet*'], ['verplaats*'], ['verschuiv*'], ['verschuif*'], ['uitstel*'], ['reschedul*'], ['move'], ['andere', 'dag'], ['ander', 'tijdstip']] },
  { command: 'annuleer', needs: [['annule*'], ['afzeg*'], ['zeg', 'af'], ['cancel*'], ['schrap*'], ['gaat', 'niet', 'door']] },
  { command: 'verslag', needs: [['verslag*'], ['notulen'], ['notuleren'], ['samenvatting*'], ['summary'], ['minutes']] },
  { command: 'plan', needs: [['zet', 'agenda'], ['plan'], ['plannen'], ['inplannen'], ['plan*', 'bijeenkomst*'], ['schedul*'], ['organiseer*'], ['organiseren'], ['beleg*']] },
  { command: 'agenda', needs: [['agenda'], ['jaaragenda'], ['jaarplanning'], ['overzicht', 'bijeenkomst*']] },
  { command: 'peilingen', needs: [['peilingen'], ['polls'], ['open', 'peiling*']] },
  { command: 'peiling', needs: [['peiling*'], ['poll'], ['stemming*'], ['stemmen'], ['vote'], ['voting'], ['mening'], ['klankbord*'], ['enquete'], ['survey']] },
  { command: 'netwerkkaart', needs: [['netwerkkaart*'], ['network', 'map*']] },
  { command: 'zoek', needs: [['zoek*'], ['sociale', 'kaart'], ['zorgpartner*'], ['partner*'], ['search*'], ['find'], ['vind']] },
  { command: 'wie ben ik', needs: [['mijn', 'rol*'], ['my', 'role*']] },
];

/** Meeting nouns: a how-to question naming only these means planning one (or, for "wanneer", the agenda). */
const MEETING_NOUNS = /^(fto|patz|bijeenkomst|bijeenkomsten|vergadering|vergaderingen|overleg|wijkoverleg|spiegelbijeenkomst|meeting|meetings|nascholing)$/;

function has(tokens: readonly string[], want: string): boolean {
  return want.endsWith('*') ? tokens.some((t) => t.startsWith(want.slice(0, -1))) : tokens.includes(want);
}

export function isHelpQuestion(tokens: readonly string[]): boolean {
  const joined = tokens.join(' ');
  return HELP_PATTERNS.some((p) => p.test(joined));
}

/** "help peiling", "hoe werkt een peiling?": the command the question is about, or null. */
export function howToTopic(tokens: readonly string[], opts: { afterHelp?: boolean } = {}): string | null {
  const joined = tokens.join(' ');
  if (!opts.afterHelp && !QUESTION_START.test(joined)) return LIST_START.test(joined) ? listTopic(tokens) : null;
  if (WHEN_START.test(joined) && tokens.some((t) => MEETING_NOUNS.test(t))) return 'agenda';
  for (const topic of TOPICS) if (topic.needs.some((all) => all.every((w) => has(tokens, w)))) return topic.command;
  if (tokens.some((t) => MEETING_NOUNS.test(t))) return 'plan';
  return null;
}

function listTopic(tokens: readonly string[]): string | null {
  for (const topic of TOPICS) {
    if (topic.needs.some((all) => all.every((w) => has(tokens, w)))) return LIST_COMMANDS.has(topic.command) ? topic.command : null;
  }
  return tokens.some((t) => MEETING_NOUNS.test(t)) ? 'agenda' : null;
}
