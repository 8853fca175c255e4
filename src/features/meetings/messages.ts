/**
 * Every sentence the meetings feature can show, in Dutch and English. Dates come in params three ways:
 * `{date}` (ISO), `{dateNl}` and `{dateEn}` (written out), so each language uses its own form.
 */
export const meetingMessages: Record<string, { nl: string; en: string }> = {
  // Errors: the command cannot be understood.
  'meetings.plan.missingType': {
    nl: 'Welk soort bijeenkomst wil je plannen? Kies uit {types}. Bijvoorbeeld: **plan FTO di 8 dec 12:30**.',
    en: 'What kind of meeting do you want to plan? Choose from {types}. For example: **plan FTO di 8 dec 12:30**.',
  },
  'meetings.plan.unknownType': {
    nl: '"{word}" ken ik niet als soort bijeenkomst. Bedoel je **{suggestion}**? (Ik ken {types}.)',
    en: 'I do not know "{word}" as a kind of meeting. Did you mean **{suggestion}**? (I know {types}.)',
  },
  'meetings.plan.twoTypes': {
    nl: 'Ik zie twee soorten bijeenkomst: {first} en {second}. Plan ze apart.',
    en: 'I see two kinds of meeting: {first} and {second}. Please plan them separately.',
  },
  'meetings.plan.missingDate': {
    nl: 'Op welke datum? Zet de datum vóór "locatie" of "over", bijvoorbeeld: **plan {type} di 8 dec 12:30 over ...**. Ook goed: 8-12, morgen, volgende week dinsdag.',
    en: 'On which date? Put the date before "locatie" or "over", for example: **plan {type} di 8 dec 12:30 over ...**. Also fine: 8-12, morgen, volgende week dinsdag.',
  },
  'meetings.plan.missingTime': {
    nl: 'Hoe laat? Bijvoorbeeld **12:30**, **19.00 uur** of **half 1**.',
    en: 'At what time? For example **12:30**, **19.00 uur** or **half 1**.',
  },
  'meetings.plan.twoDates': {
    nl: 'Ik zie twee datums: "{first}" en "{second}". Welke bedoel je?',
    en: 'I see two dates: "{first}" and "{second}". Which one do you mean?',
  },
  'meetings.plan.twoTimes': {
    nl: 'Ik zie twee tijden: "{first}" en "{second}". Bedoel je een duur, schrijf dan bijvoorbeeld **120 min** of **2 uur lang**.',
    en: 'I see two times: "{first}" and "{second}". If you mean a duration, write e.g. **120 min** or **2 uur lang**.',
  },
  'meetings.date.unparseable': {
    nl: 'Ik begrijp de datum "{input}" niet. Probeer bijvoorbeeld **di 8 dec**, **8-12-2026** of **volgende week dinsdag**.',
    en: 'I do not understand the date "{input}". Try e.g. **di 8 dec**, **8-12-2026** or **volgende week dinsdag**.',
  },
  'meetings.date.invalid': {
    nl: '"{input}" bestaat niet als datum.',
    en: '"{input}" is not an existing date.',
  },
  'meetings.date.needsWeekday': {
    nl: 'Welke dag bedoel je met "{input}"? Bijvoorbeeld: **{input} dinsdag**.',
    en: 'Which day do you mean by "{input}"? For example: **{input} dinsdag**.',
  },
  'meetings.time.unparseable': {
    nl: 'Ik begrijp de tijd "{input}" niet. Probeer bijvoorbeeld **12:30**, **om 9 uur** of **half 8 \'s avonds**.',
    en: 'I do not understand the time "{input}". Try e.g. **12:30**, **om 9 uur** or **half 8 \'s avonds**.',
  },
  'meetings.time.invalid': {
    nl: '"{input}" is geen geldige tijd.',
    en: '"{input}" is not a valid time.',
  },
  'meetings.time.rangeInvalid': {
    nl: 'In "{input}" ligt de eindtijd niet na de begintijd.',
    en: 'In "{input}" the end time is not after the start time.',
  },
  'meetings.duration.invalid': {
    nl: 'Een duur van "{input}" kan niet: kies tussen {min} en {max} minuten.',
    en: 'A duration of "{input}" is not possible: choose between {min} and {max} minutes.',
  },
  'meetings.series.missingRule': {
    nl: 'Hoe vaak? Bijvoorbeeld **elke 8 weken op dinsdag**, **elke maand** of **elke tweede dinsdag van de maand**.',
    en: 'How often? For example **elke 8 weken op dinsdag**, **elke maand** or **elke tweede dinsdag van de maand**.',
  },
  'meetings.series.noStart': {
    nl: 'Vanaf wanneer? Bijvoorbeeld **vanaf 13 jan**, of noem een weekdag: **elke 8 weken op dinsdag**.',
    en: 'Starting when? For example **vanaf 13 jan**, or name a weekday: **elke 8 weken op dinsdag**.',
  },
  'meetings.series.endBeforeStart': {
    nl: 'De reeks eindigt ({untilNl}) al vóór de eerste bijeenkomst ({fromNl}).',
    en: 'The series ends ({untilEn}) before its first meeting ({fromEn}).',
  },
  'meetings.series.empty': {
    nl: 'Met deze begin- en einddatum valt er geen enkele bijeenkomst in de reeks.',
    en: 'With this start and end date the series has no meetings at all.',
  },
  'meetings.series.weekdayConflict': {
    nl: 'Ik zie twee weekdagen voor de reeks: {firstNl} en {secondNl}. Welke bedoel je?',
    en: 'I see two weekdays for the series: {firstEn} and {secondEn}. Which one do you mean?',
  },
  'meetings.series.monthlyWeekdayNeedsOrdinal': {
    nl: 'Welke {weekdayNl} van de maand? Bijvoorbeeld: **elke tweede {weekdayNl} van de maand** (of **elke laatste {weekdayNl}**).',
    en: 'Which {weekdayEn} of the month? For example: **elke tweede {weekdayNl} van de maand** (or **elke laatste {weekdayNl}**).',
  },
  'meetings.reschedule.missingNaar': {
    nl: 'Naar wanneer? Schrijf bijvoorbeeld: **verzet FTO 8 dec naar 15 dec 19:00**.',
    en: 'To when? Write for example: **verzet FTO 8 dec naar 15 dec 19:00**.',
  },
  'meetings.reschedule.missingMeeting': {
    nl: 'Welke bijeenkomst wil je verzetten? Bijvoorbeeld: **verzet FTO 8 dec naar 15 dec 19:00**.',
    en: 'Which meeting do you want to move? For example: **verzet FTO 8 dec naar 15 dec 19:00**.',
  },
  'meetings.reschedule.missingDateTime': {
    nl: 'In "{input}" zie ik geen nieuwe datum of tijd.',
    en: 'I see no new date or time in "{input}".',
  },

  // Warnings: shown with the summary, the coordinator decides.
  'meetings.date.weekdayMismatch': {
    nl: '{dateNl} is een {actualNl}, geen {givenNl}. Bedoel je {suggestionNl}?',
    en: '{dateEn} is a {actualEn}, not a {givenEn}. Did you mean {suggestionEn}?',
  },
  'meetings.date.past': {
    nl: '{dateNl} ligt in het verleden.',
    en: '{dateEn} is in the past.',
  },
  'meetings.date.holiday': {
    nl: '{dateNl} is een feestdag: {nameNl}.',
    en: '{dateEn} is a public holiday: {nameEn}.',
  },
  'meetings.date.weekend': {
    nl: '{dateNl} valt in het weekend.',
    en: '{dateEn} is in the weekend.',
  },
  'meetings.date.volgendeAmbiguous': {
    nl: 'Ik lees "volgende" als de eerstvolgende: {dateNl}. Bedoel je {alternativeNl}, schrijf dan "volgende week" erbij.',
    en: 'I read "volgende" as the next one coming: {dateEn}. If you mean {alternativeEn}, add "volgende week".',
  },
  'meetings.time.ambiguous': {
    nl: 'Ik lees dit als {timeNl}. Bedoel je {alternativeNl}, schrijf dan {alternative}.',
    en: 'I read this as {timeEn}. If you mean {alternativeEn}, write {alternative}.',
  },
  'meetings.time.unusual': {
    nl: '{timeNl} is een ongebruikelijke tijd voor een bijeenkomst. Klopt dat?',
    en: '{timeEn} is an unusual time for a meeting. Is that right?',
  },
  'meetings.time.dstGap': {
    nl: 'Op {dateNl} gaat de klok vooruit: {requestedNl} bestaat die nacht niet. Ik plan om {actualNl}.',
    en: 'On {dateEn} the clocks go forward: {requestedEn} does not exist that night. I planned {actualEn}.',
  },
  'meetings.time.dstAmbiguous': {
    nl: 'Op {dateNl} gaat de klok terug: {timeNl} komt die nacht twee keer voor. Ik kies de eerste (zomertijd).',
    en: 'On {dateEn} the clocks go back: {timeEn} happens twice that night. I chose the first (summer time).',
  },
  'meetings.duration.conflict': {
    nl: 'Je noemt een duur van {duration} minuten, maar de tijden beslaan {range} minuten. Ik houd {duration} minuten aan.',
    en: 'You gave a duration of {duration} minutes, but the times span {range} minutes. I kept {duration} minutes.',
  },
  'meetings.group.unknown': {
    nl: 'Wijkgroep "{name}" ken ik niet; ik heb geen wijkgroep ingevuld.',
    en: 'I do not know the group "{name}"; no group was set.',
  },
  'meetings.plan.ignoredWords': {
    nl: 'Deze woorden heb ik niet begrepen en overgeslagen: "{words}".',
    en: 'I did not understand these words and skipped them: "{words}".',
  },
  'meetings.series.startShifted': {
    nl: '{fromNl} is geen dag van de reeks; de eerste bijeenkomst wordt {dateNl}.',
    en: '{fromEn} is not a day of the series; the first meeting is {dateEn}.',
  },
  'meetings.series.defaultEnd': {
    nl: 'Je gaf geen einddatum; de reeks loopt een jaar, tot en met {dateNl}. Zeg bijvoorbeeld **tot juli** of **6 keer** voor een ander einde.',
    en: 'You gave no end date; the series runs for a year, until {dateEn}. Say e.g. **tot juli** or **6 keer** for a different end.',
  },
  'meetings.series.capped': {
    nl: 'Een reeks heeft hoogstens {max} bijeenkomsten; de laatste is nu {lastNl}.',
    en: 'A series has at most {max} meetings; the last one is now {lastEn}.',
  },
  'meetings.series.untilExcluded': {
    nl: '"tot" telt de einddatum niet mee: {dateNl} valt buiten de reeks. Schrijf "t/m" om die dag mee te nemen.',
    en: '"tot" excludes the end date: {dateEn} is not in the series. Write "t/m" to include that day.',
  },
  'meetings.series.dayClamped': {
    nl: 'Deze maand heeft geen {day}e; de bijeenkomst valt op {dateNl}.',
    en: 'This month has no day {day}; the meeting is on {dateEn}.',
  },
  'meetings.series.datesNeedAttention': {
    nl: '{count} datum(s) in de reeks vragen aandacht: {dates}.',
    en: '{count} date(s) in the series need attention: {dates}.',
  },
};
