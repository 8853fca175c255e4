/**
 * The built-in list of disciplines (care-provider types). It follows the Vektis COD016 care-provider
 * types (the taxonomy behind AGB-codes; the first two digits of a COD016 code are the type, see
 * `cod016` below) as far as a GP refers to them, plus the social-domain partners of a wijk (buurtteam,
 * Wmo-loket, schuldhulpverlening …) that COD016 does not have. Specialisations GPs ask for are children of
 * their parent discipline: a search for "fysio" finds the specialists too, and a search for a
 * specialisation finds the registered specialists first, then parent-discipline partners whose expertise
 * names it (`namedBy`), because real maps mostly write "fysiotherapie + sport" rather than
 * "sportfysiotherapie".
 *
 * Codes are stable lower-case slugs (they are stored in the database): never rename one. A discipline
 * that is not in this list is still accepted by the import as its own label (see csvFormat.ts).
 */

export interface DisciplineDef {
  code: string;
  nl: string;
  en: string;
  parent: string | null;
  /** Names, abbreviations and person nouns GPs type. Matched folded (no case, no diacritics). */
  synonyms: string[];
  /**
   * Expertise words a specialisation implies: a bekkenfysiotherapeut is found by "bekkenbodem" even when
   * the coordinator never typed that tag.
   */
  impliedExpertise?: string[];
  /**
   * For a specialisation: word beginnings in the expertise of a parent-discipline partner that mean it
   * practises this specialisation ("fysiotherapie" with expertise "sportblessures" for a sportfysio).
   */
  namedBy?: string[];
  /**
   * The COD016 care-provider type (first two digits) this discipline belongs to, where it has one. The
   * demo generator uses it as the first two AGB digits (illustrative only, see domain.md), never validation.
   */
  cod016?: string;
}

export const DISCIPLINES: readonly DisciplineDef[] = [
  // ---- huisartsenzorg (COD016 01, 21)
  { code: 'huisarts', nl: 'Huisarts', en: 'General practitioner', parent: null, cod016: '01', synonyms: ['huisartsen', 'huisartspraktijk', 'huisartsenpraktijk', 'ha', 'gp', 'general practitioner'] },
  {
    code: 'huisartsenpost', nl: 'Huisartsenpost', en: 'Out-of-hours GP service', parent: null, cod016: '21',
    synonyms: ['hap', 'huisartsenposten', 'huisartsendienst', 'huisartsen dienst', 'spoedpost', 'doktersdienst', 'dokterswacht', 'anw dienst', 'avond en weekenddienst', 'out of hours'],
  },
  { code: 'poh-somatiek', nl: 'POH-somatiek', en: 'Practice nurse (chronic care)', parent: null, synonyms: ['poh s', 'pohs', 'poh somatiek', 'praktijkondersteuner somatiek', 'praktijkondersteuner'] },

  // ---- fysiotherapie (COD016 04)
  {
    code: 'fysiotherapie', nl: 'Fysiotherapie', en: 'Physiotherapy', parent: null, cod016: '04',
    synonyms: ['fysio', 'fysiotherapeut', 'fysiotherapeuten', 'fysiopraktijk', 'fysiotherapiepraktijk', 'physio', 'physiotherapy', 'physiotherapist'],
  },
  {
    code: 'bekkenfysiotherapie', nl: 'Bekkenfysiotherapie', en: 'Pelvic physiotherapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['bekkenfysio', 'bekkenfysiotherapeut', 'bekkentherapeut', 'bekkentherapie', 'pelvic physiotherapy'],
    impliedExpertise: ['bekkenbodem', 'bekken', 'incontinentie'],
    namedBy: ['bekken'],
  },
  {
    code: 'oedeemtherapie', nl: 'Oedeemtherapie', en: 'Oedema therapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['oedeemfysio', 'oedeemfysiotherapie', 'oedeemfysiotherapeut', 'oedeemtherapeut', 'lymfoedeemtherapie', 'lymfoedeemtherapeut', 'lymfetherapeut'],
    impliedExpertise: ['oedeem', 'lymfoedeem'],
    namedBy: ['oedeem', 'lymf'],
  },
  {
    code: 'kinderfysiotherapie', nl: 'Kinderfysiotherapie', en: 'Paediatric physiotherapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['kinderfysio', 'kinderfysiotherapeut'],
    impliedExpertise: ['kinderen', 'motoriek'],
    namedBy: ['kinder', 'zuigeling', 'baby'],
  },
  {
    code: 'geriatriefysiotherapie', nl: 'Geriatriefysiotherapie', en: 'Geriatric physiotherapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['geriatriefysio', 'geriatriefysiotherapeut', 'ouderenfysio', 'ouderenfysiotherapie', 'ouderenfysiotherapeut', 'fysiotherapie in de geriatrie'],
    impliedExpertise: ['ouderen', 'valpreventie', 'geriatrie'],
    namedBy: ['geriatr', 'ouderen'],
  },
  {
    code: 'manuele-therapie', nl: 'Manuele therapie', en: 'Manual therapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['manueel therapeut', 'manuele therapeut', 'manueeltherapeut', 'manual therapy'],
    impliedExpertise: ['nek', 'rug'],
    namedBy: ['manuele', 'manueel'],
  },
  {
    code: 'sportfysiotherapie', nl: 'Sportfysiotherapie', en: 'Sports physiotherapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['sportfysio', 'sportfysiotherapeut'],
    impliedExpertise: ['sport', 'sportblessures'],
    namedBy: ['sport'],
  },
  {
    code: 'psychosomatische-fysiotherapie', nl: 'Psychosomatische fysiotherapie', en: 'Psychosomatic physiotherapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['psychosomatisch fysiotherapeut', 'psychosomatische fysio', 'psychosomatisch fysio'],
    impliedExpertise: ['psychosomatiek', 'stress'],
    namedBy: ['psychosomat'],
  },
  {
    code: 'oncologiefysiotherapie', nl: 'Oncologiefysiotherapie', en: 'Oncology physiotherapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['oncologiefysio', 'oncologiefysiotherapeut', 'oncologische fysiotherapie'],
    impliedExpertise: ['oncologie', 'kanker'],
    namedBy: ['oncolog', 'kanker'],
  },
  {
    code: 'orofaciale-fysiotherapie', nl: 'Orofaciale fysiotherapie', en: 'Orofacial physiotherapy', parent: 'fysiotherapie', cod016: '04',
    synonyms: ['orofaciaal fysiotherapeut', 'orofaciale fysio', 'kaakfysiotherapie', 'kaakfysiotherapeut'],
    impliedExpertise: ['kaak'],
    namedBy: ['orofaciaal', 'orofaciale', 'kaak'],
  },

  // ---- oefentherapie (COD016 07)
  {
    code: 'oefentherapie', nl: 'Oefentherapie (Cesar/Mensendieck)', en: 'Exercise therapy (Cesar/Mensendieck)', parent: null, cod016: '07',
    synonyms: ['oefentherapeut', 'oefentherapeuten', 'cesar', 'mensendieck', 'oefentherapie cesar', 'oefentherapie mensendieck', 'oefentherapeut cesar', 'oefentherapeut mensendieck'],
  },
  {
    code: 'kinderoefentherapie', nl: 'Kinderoefentherapie', en: 'Paediatric exercise therapy', parent: 'oefentherapie', cod016: '07',
    synonyms: ['kinderoefentherapeut'],
    impliedExpertise: ['kinderen', 'motoriek'],
    namedBy: ['kinder'],
  },
  {
    code: 'bekkenoefentherapie', nl: 'Bekkenoefentherapie', en: 'Pelvic exercise therapy', parent: 'oefentherapie', cod016: '07',
    synonyms: ['bekkenoefentherapeut'],
    impliedExpertise: ['bekkenbodem', 'bekken'],
    namedBy: ['bekken'],
  },

  // ---- logopedie (COD016 05)
  { code: 'logopedie', nl: 'Logopedie', en: 'Speech therapy', parent: null, cod016: '05', synonyms: ['logo', 'logopedist', 'logopediste', 'logopedisten', 'speech therapy'] },
  {
    code: 'stottertherapie', nl: 'Stottertherapie', en: 'Stuttering therapy', parent: 'logopedie', cod016: '05',
    synonyms: ['stottertherapeut'],
    impliedExpertise: ['stotteren'],
    namedBy: ['stotter'],
  },

  // ---- other allied health (COD016 24, 26, 88)
  { code: 'dietetiek', nl: 'Diëtetiek', en: 'Dietetics', parent: null, cod016: '24', synonyms: ['dietist', 'dietiste', 'dietisten', 'dieet', 'dietetics', 'dietitian'] },
  { code: 'ergotherapie', nl: 'Ergotherapie', en: 'Occupational therapy', parent: null, cod016: '88', synonyms: ['ergo', 'ergotherapeut', 'ergotherapeuten', 'occupational therapy'] },
  {
    code: 'kinderergotherapie', nl: 'Kinderergotherapie', en: 'Paediatric occupational therapy', parent: 'ergotherapie', cod016: '88',
    synonyms: ['kinderergotherapeut'],
    impliedExpertise: ['kinderen'],
    namedBy: ['kinder'],
  },
  {
    code: 'handergotherapie', nl: 'Handtherapie', en: 'Hand therapy', parent: 'ergotherapie', cod016: '88',
    synonyms: ['handtherapeut', 'handergotherapeut', 'handtherapie'],
    impliedExpertise: ['hand'],
    namedBy: ['hand'],
  },
  { code: 'podotherapie', nl: 'Podotherapie', en: 'Podiatry', parent: null, cod016: '26', synonyms: ['podo', 'podotherapeut', 'podotherapeuten', 'podiatry'] },
  {
    code: 'sportpodotherapie', nl: 'Sportpodotherapie', en: 'Sports podiatry', parent: 'podotherapie', cod016: '26',
    synonyms: ['sportpodotherapeut'],
    impliedExpertise: ['sport'],
    namedBy: ['sport'],
  },
  { code: 'huidtherapie', nl: 'Huidtherapie', en: 'Skin therapy', parent: null, cod016: '90', synonyms: ['huidtherapeut', 'huidtherapeuten'] },
  { code: 'leefstijlcoach', nl: 'Leefstijlcoach', en: 'Lifestyle coach', parent: null, cod016: '90', synonyms: ['leefstijlcoaches', 'gecombineerde leefstijlinterventie', 'gli', 'lifestyle coach'] },
  { code: 'lactatiekundige', nl: 'Lactatiekundige', en: 'Lactation consultant', parent: null, cod016: '90', synonyms: ['lactatiedeskundige', 'borstvoedingsdeskundige', 'lactation consultant'] },
  { code: 'haptotherapie', nl: 'Haptotherapie', en: 'Haptotherapy', parent: null, cod016: '90', synonyms: ['haptotherapeut', 'haptonomie'] },
  { code: 'osteopathie', nl: 'Osteopathie', en: 'Osteopathy', parent: null, cod016: '90', synonyms: ['osteopaat', 'osteopath'] },
  { code: 'chiropractie', nl: 'Chiropractie', en: 'Chiropractic', parent: null, cod016: '90', synonyms: ['chiropractor', 'chiropractoren'] },
  { code: 'acupunctuur', nl: 'Acupunctuur', en: 'Acupuncture', parent: null, cod016: '90', synonyms: ['acupuncturist', 'acupuncture'] },
  { code: 'vaktherapie', nl: 'Vaktherapie', en: 'Arts and psychomotor therapy', parent: null, cod016: '90', synonyms: ['vaktherapeut', 'creatieve therapie', 'muziektherapie', 'beeldende therapie', 'pmt', 'psychomotorische therapie'] },
  { code: 'seksuologie', nl: 'Seksuologie', en: 'Sexology', parent: null, cod016: '90', synonyms: ['seksuoloog', 'seksuologen', 'sexologist'] },

  // ---- mental health (COD016 94, 95, 54, 56, 72; 9116 SPV)
  {
    code: 'poh-ggz', nl: 'POH-GGZ', en: 'Mental health practice nurse (POH-GGZ)', parent: null,
    synonyms: ['pohggz', 'poh ggz', 'praktijkondersteuner ggz', 'praktijkondersteuner geestelijke gezondheidszorg'],
  },
  {
    code: 'psychologie', nl: 'Psycholoog', en: 'Psychologist', parent: null, cod016: '94',
    synonyms: ['psych', 'psycholoog', 'psychologen', 'psychologie', 'psychologist', 'psychologenpraktijk'],
  },
  {
    code: 'basis-ggz', nl: 'Psycholoog basis-GGZ', en: 'Psychologist (basic mental health care)', parent: 'psychologie', cod016: '94',
    synonyms: ['basisggz', 'basis ggz', 'gb ggz', 'gbggz', 'generalistische basis ggz', 'basispsycholoog', 'eerstelijnspsycholoog'],
    namedBy: ['basis ggz', 'gb ggz', 'generalistische basis'],
  },
  {
    code: 'gz-psycholoog', nl: 'GZ-psycholoog', en: 'Healthcare psychologist (GZ)', parent: 'psychologie', cod016: '94',
    synonyms: ['gz psycholoog', 'gzpsycholoog', 'gz psychologen', 'gezondheidszorgpsycholoog'],
    namedBy: ['gz psycholoog', 'gz'],
  },
  {
    code: 'kinder-jeugdpsychologie', nl: 'Kinder- en jeugdpsycholoog', en: 'Child and adolescent psychologist', parent: 'psychologie', cod016: '94',
    synonyms: ['kinderpsycholoog', 'jeugdpsycholoog', 'kinder en jeugdpsycholoog', 'kinder- en jeugdpsycholoog', 'kinderpsychologen', 'jeugdpsychologen', 'kj psycholoog', 'k&j psycholoog', 'child psychologist'],
    impliedExpertise: ['kinderen', 'jeugd'],
    namedBy: ['kinder', 'kind', 'jeugd', 'adolescent'],
  },
  {
    code: 'klinisch-psycholoog', nl: 'Klinisch psycholoog', en: 'Clinical psychologist', parent: 'psychologie', cod016: '94',
    synonyms: ['klinisch psychologen', 'klinische psychologie'],
    namedBy: ['klinisch psycholo'],
  },
  {
    code: 'psychotherapie', nl: 'Psychotherapeut', en: 'Psychotherapist', parent: 'psychologie', cod016: '94',
    synonyms: ['psychotherapeut', 'psychotherapeuten', 'psychotherapie', 'psychotherapist'],
    namedBy: ['psychotherap'],
  },
  {
    code: 'neuropsychologie', nl: 'Neuropsycholoog', en: 'Neuropsychologist', parent: 'psychologie', cod016: '94',
    synonyms: ['neuropsycholoog', 'klinisch neuropsycholoog', 'neuropsychologen'],
    namedBy: ['neuropsycholo'],
  },
  { code: 'orthopedagogiek', nl: 'Orthopedagoog', en: 'Remedial educationalist', parent: null, cod016: '95', synonyms: ['orthopedagoog', 'orthopedagogen', 'orthopedagoog generalist'] },
  {
    code: 'ggz-instelling', nl: 'GGZ-instelling (specialistische GGZ)', en: 'Mental health institution (specialist care)', parent: null, cod016: '54',
    synonyms: ['ggz instelling', 'ggz instellingen', 'specialistische ggz', 'sggz', 'ggz aanbieder', 'psychiater', 'psychiaters', 'ambulante ggz', 'mental health institution'],
  },
  {
    code: 'spv', nl: 'Sociaal psychiatrisch verpleegkundige (SPV)', en: 'Community psychiatric nurse (SPV)', parent: null, cod016: '91',
    synonyms: ['sociaal psychiatrisch verpleegkundige', 'sociaal psychiatrische verpleegkundige', 'ggz verpleegkundige', 'community psychiatric nurse'],
  },
  {
    code: 'verslavingszorg', nl: 'Verslavingszorg', en: 'Addiction care', parent: null, cod016: '56',
    synonyms: ['verslavingszorginstelling', 'consultatiebureau alcohol en drugs', 'cad', 'addiction care'],
  },
  {
    code: 'verslavingsarts', nl: 'Verslavingsarts', en: 'Addiction physician', parent: 'verslavingszorg', cod016: '84',
    synonyms: ['verslavingsartsen'],
    namedBy: ['verslavingsarts'],
  },
  {
    code: 'beschermd-wonen', nl: 'Beschermd wonen', en: 'Sheltered housing', parent: null, cod016: '72',
    synonyms: ['ribw', 'beschermde woonvorm', 'begeleid wonen', 'sheltered housing'],
  },

  // ---- nursing and long-term care (COD016 75, 91, 45-47, 60)
  {
    code: 'wijkverpleging', nl: 'Wijkverpleging / thuiszorg', en: 'District nursing / home care', parent: null, cod016: '75',
    synonyms: ['wv', 'wijkverpleegkundige', 'wijkverpleegkundigen', 'wijkverpleging', 'thuiszorg', 'thuiszorgorganisatie', 'wijkzorg', 'district nurse', 'home care'],
  },
  {
    code: 'wondverpleegkunde', nl: 'Wondverpleegkundige', en: 'Wound care nurse', parent: 'wijkverpleging', cod016: '91',
    synonyms: ['wondverpleegkundige', 'wondverpleegkundigen', 'wondconsulent', 'wondexpert'],
    impliedExpertise: ['wondzorg'],
    namedBy: ['wond'],
  },
  {
    code: 'diabetesverpleegkunde', nl: 'Diabetesverpleegkundige', en: 'Diabetes nurse', parent: 'wijkverpleging', cod016: '91',
    synonyms: ['diabetesverpleegkundige', 'diabetesverpleegkundigen'],
    impliedExpertise: ['diabetes'],
    namedBy: ['diabet'],
  },
  {
    code: 'stomaverpleegkunde', nl: 'Stomaverpleegkundige', en: 'Stoma nurse', parent: 'wijkverpleging', cod016: '91',
    synonyms: ['stomaverpleegkundige', 'stomaverpleegkundigen'],
    impliedExpertise: ['stoma'],
    namedBy: ['stoma'],
  },
  {
    code: 'thuisbegeleiding', nl: 'Thuisbegeleiding', en: 'Support at home', parent: null,
    synonyms: ['ambulante begeleiding', 'woonbegeleiding', 'begeleiding thuis', 'thuisbegeleider', 'ambulant begeleider', 'support at home'],
  },
  { code: 'huishoudelijke-hulp', nl: 'Huishoudelijke hulp', en: 'Home help', parent: null, synonyms: ['huishoudelijke ondersteuning', 'hulp bij het huishouden', 'home help'] },
  {
    code: 'verpleeghuis', nl: 'Verpleeghuis / woonzorgcentrum', en: 'Nursing home', parent: null, cod016: '45',
    synonyms: ['verpleeghuizen', 'verpleeghuiszorg', 'woonzorgcentrum', 'verzorgingshuis', 'verzorgingstehuis', 'nursing home'],
  },
  { code: 'dagbesteding', nl: 'Dagbesteding', en: 'Day care', parent: null, cod016: '60', synonyms: ['dagbehandeling', 'dagopvang', 'dagverzorging', 'dagactiviteiten', 'day care'] },
  {
    code: 'specialist-ouderengeneeskunde', nl: 'Specialist ouderengeneeskunde', en: 'Elderly care physician', parent: null, cod016: '84',
    synonyms: ['so', 'specialist ouderengeneeskunde', 'ouderengeneeskunde', 'specialist oudergeneeskunde', 'elderly care physician'],
  },
  {
    code: 'casemanagement-dementie', nl: 'Casemanagement dementie', en: 'Dementia case management', parent: null,
    synonyms: ['casemanager', 'casemanager dementie', 'casemanagers dementie', 'casemanagement', 'cmd', 'dementia case manager'],
    impliedExpertise: ['dementie'],
  },
  {
    code: 'hospice', nl: 'Hospice', en: 'Hospice', parent: null,
    synonyms: ['hospices', 'bijna thuis huis', 'bijnathuishuis'],
    impliedExpertise: ['palliatief'],
  },
  {
    code: 'palliatief-team', nl: 'Palliatief team', en: 'Palliative care team', parent: null,
    synonyms: ['palliatief team', 'palliatieve zorg', 'consulent palliatieve zorg', 'arts palliatieve geneeskunde', 'palliative care team'],
    impliedExpertise: ['palliatief'],
  },
  { code: 'avg-arts', nl: 'Arts verstandelijk gehandicapten (AVG)', en: 'Physician for people with intellectual disabilities', parent: null, cod016: '84', synonyms: ['avg', 'arts verstandelijk gehandicapten', 'arts vg'] },

  // ---- birth and youth (COD016 08, 33, 84 jeugdarts, 91 jeugdverpleegkundige)
  {
    code: 'verloskunde', nl: 'Verloskunde', en: 'Midwifery', parent: null, cod016: '08',
    synonyms: ['verloskundige', 'verloskundigen', 'verloskundigenpraktijk', 'midwife', 'midwifery'],
  },
  { code: 'kraamzorg', nl: 'Kraamzorg', en: 'Maternity care', parent: null, cod016: '33', synonyms: ['kraamverzorgende', 'kraamverzorgenden', 'kraamverzorging', 'kraambureau', 'kraamcentrum', 'maternity care'] },
  {
    code: 'jgz', nl: 'Jeugdgezondheidszorg (JGZ)', en: 'Youth health care (JGZ)', parent: null, cod016: '32',
    synonyms: ['jeugdgezondheidszorg', 'consultatiebureau', 'consultatiebureaus', 'cb', 'youth health care'],
  },
  {
    code: 'jeugdarts', nl: 'Jeugdarts', en: 'Youth health physician', parent: 'jgz', cod016: '84',
    synonyms: ['jeugdartsen', 'schoolarts', 'consultatiebureauarts'],
    namedBy: ['jeugdarts', 'schoolarts'],
  },
  {
    code: 'jeugdverpleegkunde', nl: 'Jeugdverpleegkundige', en: 'Youth health nurse', parent: 'jgz', cod016: '91',
    synonyms: ['jeugdverpleegkundige', 'jeugdverpleegkundigen'],
    namedBy: ['jeugdverpleeg'],
  },
  { code: 'ouder-kindteam', nl: 'Ouder- en kindteam', en: 'Parent and child team', parent: null, synonyms: ['okt', 'ouder en kindteam', 'ouder kind team', 'ouderkindteam'] },

  // ---- pharmacy, dental, eyes, ears, diagnostics (COD016 02, 12, 87, 44, 19, 34, 50, 18)
  { code: 'apotheek', nl: 'Apotheek', en: 'Pharmacy', parent: null, cod016: '02', synonyms: ['apotheker', 'apothekers', 'pharmacy', 'pharmacist'] },
  { code: 'tandarts', nl: 'Tandarts', en: 'Dentist', parent: null, cod016: '12', synonyms: ['tandartsen', 'tandartspraktijk', 'mondzorg', 'dentist'] },
  { code: 'mondhygienist', nl: 'Mondhygiënist', en: 'Dental hygienist', parent: null, cod016: '87', synonyms: ['mondhygienisten', 'mondhygiene', 'dental hygienist'] },
  { code: 'optometrie', nl: 'Optometrist', en: 'Optometrist', parent: null, cod016: '44', synonyms: ['optometrist', 'optometristen', 'orthoptist', 'orthoptie', 'optometry'] },
  {
    code: 'audiologie', nl: 'Audiologisch centrum', en: 'Audiology centre', parent: null, cod016: '19',
    synonyms: ['audiologisch centrum', 'audiologische centra', 'audioloog', 'audiologen', 'klinisch fysicus audioloog', 'audiology'],
  },
  { code: 'trombosedienst', nl: 'Trombosedienst', en: 'Anticoagulation clinic', parent: null, cod016: '34', synonyms: ['trombosediensten', 'antistollingsdienst', 'anticoagulation clinic'] },
  { code: 'prikpost', nl: 'Prikpost / laboratorium', en: 'Blood collection / laboratory', parent: null, cod016: '50', synonyms: ['prikposten', 'bloedafname', 'huisartsenlaboratorium', 'laboratorium', 'lab', 'blood test'] },
  { code: 'dialysecentrum', nl: 'Dialysecentrum', en: 'Dialysis centre', parent: null, cod016: '18', synonyms: ['dialyse', 'dialysecentra', 'nierdialyse'] },

  // ---- hospital and rehabilitation (COD016 03, 06, 23)
  {
    code: 'ziekenhuispoli', nl: 'Ziekenhuis / polikliniek', en: 'Hospital outpatient clinic', parent: null, cod016: '06',
    synonyms: ['ziekenhuis', 'ziekenhuizen', 'polikliniek', 'poliklinieken', 'poli', 'ziekenhuis poli', 'medisch specialist', 'medisch specialisten', 'hospital', 'outpatient clinic'],
  },
  { code: 'spoedeisende-hulp', nl: 'Spoedeisende hulp', en: 'Emergency department', parent: null, cod016: '84', synonyms: ['seh', 'eerste hulp', 'spoedeisende hulp', 'emergency department'] },
  {
    code: 'revalidatie', nl: 'Revalidatie', en: 'Rehabilitation', parent: null, cod016: '23',
    synonyms: ['revalidatiecentrum', 'revalidatiecentra', 'revalidatiezorg', 'revalidatiearts', 'revalidatieartsen', 'rehabilitation'],
  },
  {
    code: 'geriatrische-revalidatie', nl: 'Geriatrische revalidatie', en: 'Geriatric rehabilitation', parent: 'revalidatie', cod016: '23',
    synonyms: ['grz', 'geriatrische revalidatiezorg', 'geriatrische revalidatie'],
    impliedExpertise: ['ouderen'],
    namedBy: ['geriatr', 'ouderen'],
  },
  { code: 'sportarts', nl: 'Sportarts', en: 'Sports physician', parent: null, cod016: '84', synonyms: ['sportartsen', 'sportgeneeskunde', 'sports physician'] },

  // ---- public health and the social domain (COD016 32, 86; local)
  { code: 'ggd', nl: 'GGD', en: 'Public health service (GGD)', parent: null, cod016: '32', synonyms: ['gemeentelijke gezondheidsdienst', 'public health service'] },
  {
    code: 'maatschappelijk-werk', nl: 'Maatschappelijk werk', en: 'Social work', parent: null, cod016: '86',
    synonyms: ['mw', 'amw', 'maatschappelijk werker', 'maatschappelijk werkers', 'algemeen maatschappelijk werk', 'social work', 'social worker'],
  },
  { code: 'buurtteam', nl: 'Buurtteam / wijkteam', en: 'Neighbourhood team (social care)', parent: null, synonyms: ['wijkteam', 'buurtteams', 'sociaal wijkteam', 'sociaal buurtteam', 'neighbourhood team'] },
  { code: 'wmo-loket', nl: 'Wmo-loket', en: 'Social support desk (Wmo)', parent: null, synonyms: ['wmo', 'wmo loket', 'wmoloket', 'loket zorg'] },
  {
    code: 'schuldhulpverlening', nl: 'Schuldhulpverlening', en: 'Debt counselling', parent: null,
    synonyms: ['schuldhulp', 'schuldhulpverlener', 'schuldhulpverleners', 'schuldsanering', 'schuldenhulp', 'debt counselling'],
    impliedExpertise: ['schulden'],
  },
  {
    code: 'mantelzorgondersteuning', nl: 'Mantelzorgondersteuning', en: 'Carer support', parent: null,
    synonyms: ['mantelzorgsteunpunt', 'steunpunt mantelzorg', 'mantelzorgconsulent', 'carer support'],
    impliedExpertise: ['mantelzorg'],
  },
  { code: 'hulpmiddelenleverancier', nl: 'Hulpmiddelenleverancier', en: 'Medical aids supplier', parent: null, cod016: '76', synonyms: ['thuiszorgwinkel', 'hulpmiddelencentrum', 'hulpmiddelenuitleen', 'medical aids supplier'] },
];
