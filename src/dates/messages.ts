/**
 * The sentences the date parser can produce (errors it throws, warnings it returns), in Dutch and English.
 * Dates come in params three ways: `{date}` (ISO), `{dateNl}` and `{dateEn}` (written out).
 *
 * The codes keep their historic `meetings.` prefix: the meetings feature was their first user, and open plan
 * drafts store parser warnings by code in the database (MeetingDraft.payload), so a rename would orphan them.
 */
export const dateMessages: Record<string, { nl: string; en: string }> = {
  'meetings.date.holiday': {
    nl: '{dateNl} is een feestdag: {nameNl}.',
    en: '{dateEn} is a public holiday: {nameEn}.',
  },
  'meetings.date.invalid': {
    nl: '"{input}" bestaat niet als datum.',
    en: '"{input}" is not an existing date.',
  },
  'meetings.date.needsWeekday': {
    nl: 'Welke dag bedoel je met "{input}"? Bijvoorbeeld: **{input} dinsdag**.',
    en: 'Which day do you mean by "{input}"? For example: **{input} dinsdag**.',
  },
  'meetings.date.past': {
    nl: '{dateNl} ligt in het verleden.',
    en: '{dateEn} is in the past.',
  },
  'meetings.date.unparseable': {
    nl: 'Ik begrijp de datum "{input}" niet. Probeer bijvoorbeeld **di 8 dec**, **8-12-2026** of **volgende week dinsdag**.',
    en: 'I do not understand the date "{input}". Try e.g. **di 8 dec**, **8-12-2026** or **volgende week dinsdag**.',
  },
  'meetings.date.volgendeAmbiguous': {
    nl: 'Ik lees "volgende" als de eerstvolgende: {dateNl}. Bedoel je {alternativeNl}, schrijf dan "volgende week" erbij.',
    en: 'I read "volgende" as the next one coming: {dateEn}. If you mean {alternativeEn}, add "volgende week".',
  },
  'meetings.date.weekdayMismatch': {
    nl: '{dateNl} is een {actualNl}, geen {givenNl}. Bedoel je {suggestionNl}?',
    en: '{dateEn} is a {actualEn}, not a {givenEn}. Did you mean {suggestionEn}?',
  },
  'meetings.date.weekend': {
    nl: '{dateNl} valt in het weekend.',
    en: '{dateEn} is in the weekend.',
  },
  'meetings.plan.twoDates': {
    nl: 'Ik zie twee datums: "{first}" en "{second}". Welke bedoel je?',
    en: 'I see two dates: "{first}" and "{second}". Which one do you mean?',
  },
  'meetings.plan.twoTimes': {
    nl: 'Ik zie twee tijden: "{first}" en "{second}". Bedoel je een duur, schrijf dan bijvoorbeeld **120 min** of **2 uur lang**.',
    en: 'I see two times: "{first}" and "{second}". If you mean a duration, write e.g. **120 min** or **2 uur lang**.',
  },
  'meetings.time.ambiguous': {
    nl: 'Ik lees dit als {timeNl}. Bedoel je {alternativeNl}, schrijf dan {alternative}.',
    en: 'I read this as {timeEn}. If you mean {alternativeEn}, write {alternative}.',
  },
  'meetings.time.dstAmbiguous': {
    nl: 'Op {dateNl} gaat de klok terug: {timeNl} komt die nacht twee keer voor. Ik kies de eerste (zomertijd).',
    en: 'On {dateEn} the clocks go back: {timeEn} happens twice that night. I chose the first (summer time).',
  },
  'meetings.time.dstGap': {
    nl: 'Op {dateNl} gaat de klok vooruit: {requestedNl} bestaat die nacht niet. Ik plan om {actualNl}.',
    en: 'On {dateEn} the clocks go forward: {requestedEn} does not exist that night. I planned {actualEn}.',
  },
  'meetings.time.invalid': {
    nl: '"{input}" is geen geldige tijd.',
    en: '"{input}" is not a valid time.',
  },
  'meetings.time.unparseable': {
    nl: 'Ik begrijp de tijd "{input}" niet. Probeer bijvoorbeeld **12:30**, **om 9 uur** of **half 8 \'s avonds**.',
    en: 'I do not understand the time "{input}". Try e.g. **12:30**, **om 9 uur** or **half 8 \'s avonds**.',
  },
  'meetings.time.unusual': {
    nl: '{timeNl} is een ongebruikelijke tijd voor een bijeenkomst. Klopt dat?',
    en: '{timeEn} is an unusual time for a meeting. Is that right?',
  },
  'meetings.date.recentPast': {
    nl: 'Ik lees {dateNl}, {agoNl}: daar past {givenNl} bij, bij {laterNl} niet. Plan je een bijeenkomst die nog moet komen, pas dan de datum aan.',
    en: 'I read {dateEn}, {agoEn}: that is a {givenEn}, {laterEn} is not. If you are planning a meeting still to come, change the date.',
  },
  'meetings.date.yearMoved': {
    nl: '{dayMonthNl} is al voorbij ({passedNl}), dus ik lees {dateNl}.',
    en: '{dayMonthEn} has passed ({passedEn}), so I read {dateEn}.',
  },
};
