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
    nl: '{count, plural, one {# datum in de reeks vraagt} other {# datums in de reeks vragen}} aandacht: {dates}.',
    en: '{count, plural, one {# date in the series needs} other {# dates in the series need}} attention: {dates}.',
  },

  // Scheduling: refusals and lookups.
  'meetings.plan.notAllowed': {
    nl: 'Alleen een coördinator (of beheerder) kan bijeenkomsten plannen.',
    en: 'Only a coordinator (or administrator) can plan meetings.',
  },
  'meetings.plan.groupNotYours': {
    nl: 'Je bent geen coördinator van wijkgroep {group}, dus je kunt daar niets plannen.',
    en: 'You are not a coordinator of group {group}, so you cannot plan meetings there.',
  },
  'meetings.plan.chooseGroup': {
    nl: 'Voor welke wijkgroep? Kies de wijkgroep op de kaart.',
    en: 'For which group? Choose the group on the card.',
  },
  'meetings.access.notCoordinator': {
    nl: 'Dat kan alleen een coördinator van de wijkgroep van deze bijeenkomst.',
    en: 'Only a coordinator of this meeting\'s group can do that.',
  },
  'meetings.ref.notFound': {
    nl: 'Ik vind geen bijeenkomst "{ref}". Gebruik de code van de kaart, bijvoorbeeld **FTO-7K2**, of kijk in **agenda**.',
    en: 'I cannot find a meeting "{ref}". Use the code on the card, e.g. **FTO-7K2**, or look in **agenda**.',
  },
  'meetings.ref.missing': {
    nl: 'Welke bijeenkomst? Noem de code van de kaart, bijvoorbeeld **FTO-7K2** (zie **agenda**).',
    en: 'Which meeting? Give the code on the card, e.g. **FTO-7K2** (see **agenda**).',
  },
  'meetings.ref.ambiguous': {
    nl: '"{ref}" past bij meer dan één bijeenkomst: {codes}. Noem de code.',
    en: '"{ref}" matches more than one meeting: {codes}. Please give the code.',
  },
  'meetings.agenda.notMember': {
    nl: 'Je hoort niet bij die wijkgroep, dus ik laat de agenda niet zien.',
    en: 'You are not in that group, so I do not show its agenda.',
  },
  'meetings.date.conflict': {
    nl: 'De wijkgroep heeft dan al een bijeenkomst: {type} {code} op {whenNl}.',
    en: 'The group already has a meeting then: {type} {code} on {whenEn}.',
  },
  'meetings.privacy.finding': {
    nl: 'Mogelijk patiëntgegevens in thema of locatie: {finding}. Pas het aan; Wijkbot bewaart alleen organisatorische gegevens.',
    en: 'Possible patient data in theme or location: {finding}. Please change it; Wijkbot keeps organisational data only.',
  },
  'meetings.privacy.blocked': {
    nl: 'Thema of locatie lijkt patiëntgegevens te bevatten. Pas het aan voordat je bevestigt.',
    en: 'Theme or location seems to contain patient data. Change it before confirming.',
  },

  // The confirmation card.
  'meetings.draft.title': { nl: '{type} plannen — klopt dit?', en: 'Plan {type} — is this right?' },
  'meetings.draft.titleSeries': { nl: 'Jaaragenda {type} plannen — klopt dit?', en: 'Plan a {type} series — is this right?' },
  'meetings.draft.openStatus': {
    nl: 'Er is nog niets opgeslagen. Pas aan wat niet klopt en bevestig.',
    en: 'Nothing has been saved yet. Change what is wrong and confirm.',
  },
  'meetings.draft.confirmedStatus': { nl: 'Bevestigd.', en: 'Confirmed.' },
  'meetings.draft.discardedStatus': { nl: 'Concept weggegooid; er is niets gepland.', en: 'Draft discarded; nothing was planned.' },
  'meetings.draft.understood': { nl: 'Wat ik begreep', en: 'What I understood' },
  'meetings.draft.warningsTitle': { nl: 'Let op', en: 'Please check' },
  'meetings.draft.seriesTitle': { nl: 'De {count} datums', en: 'The {count} dates' },
  'meetings.draft.confirm': { nl: 'Bevestigen', en: 'Confirm' },
  'meetings.draft.confirmSeries': { nl: 'Bevestig alle {count}', en: 'Confirm all {count}' },
  'meetings.draft.discard': { nl: 'Weggooien', en: 'Discard' },
  'meetings.draft.notFound': { nl: 'Dit concept bestaat niet meer. Plan opnieuw met **plan ...**.', en: 'This draft no longer exists. Plan again with **plan ...**.' },
  'meetings.draft.notYours': { nl: 'Alleen wie dit concept maakte kan het bevestigen of weggooien.', en: 'Only the person who made this draft can confirm or discard it.' },
  'meetings.draft.discarded': { nl: 'Dit concept is weggegooid. Plan opnieuw met **plan ...**.', en: 'This draft was discarded. Plan again with **plan ...**.' },
  // After an edit: a notice, not an alert; it speaks of remarks only when the card has some.
  'meetings.draft.reviewChanges': {
    nl: 'Je wijziging is verwerkt. Kijk de opmerkingen hieronder na en druk nog een keer op Bevestigen.',
    en: 'Your change is in. Check the remarks below and press Confirm once more.',
  },
  'meetings.draft.reviewChangesClean': {
    nl: 'Je wijziging is verwerkt en nagekeken: geen opmerkingen. Klopt alles, druk dan nog een keer op Bevestigen.',
    en: 'Your change is in and checked: no remarks. If all is right, press Confirm once more.',
  },
  'meetings.form.badType': { nl: 'Kies een soort bijeenkomst uit de lijst.', en: 'Choose a kind of meeting from the list.' },
  'meetings.form.groupNotYours': { nl: 'Je kunt alleen plannen voor een wijkgroep waarvan je coördinator bent.', en: 'You can only plan for a group you coordinate.' },
  'meetings.form.badTime': { nl: '"{input}" is geen tijd; gebruik bijvoorbeeld 12:30.', en: '"{input}" is not a time; use e.g. 12:30.' },
  'meetings.form.badDate': { nl: '"{input}" is geen datum.', en: '"{input}" is not a date.' },
  'meetings.form.unknownGroup': { nl: 'Die wijkgroep bestaat niet (meer). Kies een wijkgroep uit de lijst.', en: 'That group does not exist (any more). Choose a group from the list.' },
  'meetings.form.badUrl': { nl: 'De online link moet met https:// beginnen.', en: 'The online link must start with https://.' },
  'meetings.card.factType': { nl: 'Soort', en: 'Kind' },
  'meetings.card.factGroup': { nl: 'Wijkgroep', en: 'Group' },
  'meetings.card.groupMissing': { nl: '(kies een wijkgroep)', en: '(choose a group)' },
  'meetings.card.factSeries': { nl: 'Reeks', en: 'Series' },
  'meetings.card.seriesCount': { nl: '{count} bijeenkomsten', en: '{count} meetings' },
  'meetings.card.factWhen': { nl: 'Wanneer', en: 'When' },
  'meetings.card.factFrom': { nl: 'Was', en: 'Was' },
  'meetings.card.factTo': { nl: 'Wordt', en: 'Becomes' },
  'meetings.card.factDuration': { nl: 'Duur', en: 'Duration' },
  'meetings.card.minutes': { nl: '{minutes} minuten', en: '{minutes} minutes' },
  'meetings.card.factTheme': { nl: 'Thema', en: 'Theme' },
  'meetings.card.factLocation': { nl: 'Locatie', en: 'Location' },
  'meetings.card.factOnline': { nl: 'Online', en: 'Online' },
  'meetings.card.factInvited': { nl: 'Uitgenodigd', en: 'Invited' },
  'meetings.card.factCode': { nl: 'Code', en: 'Code' },
  'meetings.card.conflictShort': { nl: 'overlapt met {code}.', en: 'overlaps {code}.' },
  'meetings.card.labelDate': { nl: 'Datum', en: 'Date' },
  'meetings.card.labelTime': { nl: 'Begintijd', en: 'Start time' },
  'meetings.card.labelTimeAll': { nl: 'Begintijd (voor alle datums)', en: 'Start time (for every date)' },
  'meetings.card.labelDuration': { nl: 'Duur in minuten', en: 'Duration in minutes' },
  'meetings.card.labelOnline': { nl: 'Online link (optioneel)', en: 'Online link (optional)' },
  'meetings.card.invitedEveryone': { nl: 'alle leden van de wijkgroep', en: 'everyone in the group' },

  // After confirming.
  'meetings.created.title': { nl: 'Gepland', en: 'Planned' },
  'meetings.created.titleSeries': { nl: '{count} bijeenkomsten gepland', en: '{count} meetings planned' },
  'meetings.created.already': { nl: 'Dit was al bevestigd; er is niets dubbel gepland.', en: 'This was already confirmed; nothing was planned twice.' },
  'meetings.created.posted': { nl: 'De uitnodiging staat in het kanaal van wijkgroep {group}.', en: 'The invitation is in the channel of group {group}.' },
  'meetings.created.postedSeries': {
    nl: 'De jaaragenda en de eerste uitnodiging staan in het kanaal van wijkgroep {group}; de volgende uitnodigingen komen zes weken van tevoren.',
    en: 'The year plan and the first invitation are in the channel of group {group}; the next invitations follow six weeks ahead.',
  },
  'meetings.created.noChannel': {
    nl: 'Wijkgroep {group} heeft nog geen gekoppeld kanaal, dus de uitnodiging is nog niet geplaatst. De bijeenkomst blijft staan. Koppel het kanaal van de wijkgroep: typ daar **@Wijkbot koppel {group}**; Wijkbot plaatst de uitnodiging dan meteen.',
    en: 'Group {group} has no linked channel yet, so the invitation has not been posted. The meeting stays planned. Link the group\'s channel: in that channel, type **@Wijkbot koppel {group}**; Wijkbot then posts the invitation right away.',
  },
  'meetings.linked.postedOne': { nl: 'De uitnodiging van {meetings}, gepland voordat dit kanaal gekoppeld was, staat nu in dit kanaal.', en: 'The invitation of {meetings}, planned before this channel was linked, is now in this channel.' },
  'meetings.linked.posted': { nl: 'De uitnodigingen van {meetings}, gepland voordat dit kanaal gekoppeld was, staan nu in dit kanaal.', en: 'The invitations of {meetings}, planned before this channel was linked, are now in this channel.' },
  'meetings.linked.retrying': { nl: 'De uitnodiging van {meetings} kon nog niet worden geplaatst; Wijkbot probeert het zo opnieuw.', en: 'The invitation of {meetings} could not be posted yet; Wijkbot will retry shortly.' },
  'meetings.linked.and': { nl: 'en', en: 'and' },
  'meetings.created.howToChange': {
    nl: 'Wijzigen: **verzet {code} naar <datum tijd>** of **annuleer {code}**.',
    en: 'To change: **verzet {code} naar <date time>** or **annuleer {code}**.',
  },
  'meetings.created.seriesOverview': { nl: 'Jaaragenda {type} wijkgroep {group}: {count} bijeenkomsten', en: 'Year plan {type} group {group}: {count} meetings' },
  'meetings.created.seriesInvites': {
    nl: 'Per bijeenkomst volgt een uitnodiging met Ik kom / Ik kom niet / Misschien.',
    en: 'Each meeting gets its own invitation with Ik kom / Ik kom niet / Misschien.',
  },

  // The invitation.
  'meetings.card.kicker': { nl: '{type} · wijkgroep {group}', en: '{type} · group {group}' },
  'meetings.card.counts': {
    nl: 'Ik kom: {yes} · Misschien: {maybe} · Ik kom niet: {no} (van {invited} uitgenodigd)',
    en: 'Coming: {yes} · Maybe: {maybe} · Not coming: {no} (of {invited} invited)',
  },
  'meetings.card.answerYes': { nl: 'Ik kom', en: 'Ik kom (coming)' },
  'meetings.card.answerNo': { nl: 'Ik kom niet', en: 'Ik kom niet (not coming)' },
  'meetings.card.answerMaybe': { nl: 'Misschien', en: 'Misschien (maybe)' },
  'meetings.card.yourAnswer': { nl: 'Jouw antwoord: {answer}', en: 'Your answer: {answer}' },
  'meetings.card.noAnswerYet': { nl: 'Je hebt nog niet geantwoord.', en: 'You have not answered yet.' },
  'meetings.card.notInvited': { nl: 'Je staat niet op de uitnodigingslijst van deze bijeenkomst.', en: 'You are not on the invitation list of this meeting.' },
  'meetings.card.cancelledBanner': { nl: 'GEANNULEERD — deze bijeenkomst gaat niet door.', en: 'CANCELLED — this meeting will not take place.' },
  'meetings.card.changedBanner': { nl: 'GEWIJZIGD — let op de nieuwe datum of tijd.', en: 'CHANGED — note the new date or time.' },
  'meetings.card.reminderBanner': { nl: 'Herinnering: {when}', en: 'Reminder: {when}' },
  'meetings.card.patzPortal': {
    nl: 'PaTz: zet vóór de bijeenkomst je 2–3 patiënten in het PaTz Portal. Nooit patiëntgegevens in Teams.',
    en: 'PaTz: before the meeting, enter your 2–3 patients in the PaTz Portal. Never put patient data in Teams.',
  },
  'meetings.card.agreementsTitle': { nl: 'Afspraken om te toetsen', en: 'Agreements to check' },
  'meetings.card.footer': { nl: 'Je kunt je antwoord wijzigen tot de bijeenkomst begint.', en: 'You can change your answer until the meeting starts.' },
  'meetings.card.footerManage': {
    nl: 'Je kunt je antwoord wijzigen tot de bijeenkomst begint. Coördinator: **verzet {code} naar ...**, **annuleer {code}**.',
    en: 'You can change your answer until the meeting starts. Coordinator: **verzet {code} naar ...**, **annuleer {code}**.',
  },
  'meetings.card.footerStarted': { nl: 'De bijeenkomst is begonnen; antwoorden liggen vast.', en: 'The meeting has started; answers are final.' },
  'meetings.card.footerCancelled': { nl: 'Geannuleerd door de coördinator.', en: 'Cancelled by the coordinator.' },
  'meetings.card.footerReminder': { nl: 'Nog niet geantwoord? Gebruik de knoppen op de uitnodiging.', en: 'Not answered yet? Use the buttons on the invitation.' },
  'meetings.card.refresh': { nl: 'Vernieuwen', en: 'Refresh' },
  'meetings.card.ics': { nl: 'In mijn agenda', en: 'Add to calendar' },
  'meetings.ics.theme': { nl: 'Thema: {theme}', en: 'Theme: {theme}' },
  'meetings.ics.code': { nl: 'Code in Wijkbot: {code}', en: 'Code in Wijkbot: {code}' },

  // RSVP.
  'meetings.rsvp.recorded': { nl: 'Dank je, je antwoord is genoteerd.', en: 'Thank you, your answer is noted.' },
  'meetings.rsvp.changed': { nl: 'Je antwoord is gewijzigd.', en: 'Your answer was changed.' },
  'meetings.rsvp.unchanged': { nl: 'Dat was al je antwoord.', en: 'That was already your answer.' },
  'meetings.rsvp.badAnswer': { nl: 'Kies Ik kom, Ik kom niet of Misschien.', en: 'Choose Ik kom, Ik kom niet or Misschien.' },
  'meetings.rsvp.notInvited': {
    nl: 'Sorry, deze uitnodiging is voor de leden van wijkgroep {group} die voor deze bijeenkomst zijn uitgenodigd. Hoor je erbij? Vraag je coördinator je toe te voegen.',
    en: 'Sorry, this invitation is for the members of group {group} invited to this meeting. Should you be on it? Ask your coordinator to add you.',
  },
  'meetings.rsvp.started': { nl: 'De bijeenkomst is al begonnen; je antwoord kan niet meer veranderen.', en: 'The meeting has already started; your answer can no longer change.' },
  'meetings.rsvp.cancelled': { nl: 'Deze bijeenkomst is geannuleerd.', en: 'This meeting was cancelled.' },

  // Reschedule and cancel.
  'meetings.change.rescheduleTitle': { nl: 'Bijeenkomst verzetten?', en: 'Move this meeting?' },
  'meetings.change.cancelTitle': { nl: 'Bijeenkomst annuleren?', en: 'Cancel this meeting?' },
  'meetings.change.rescheduleQuestion': {
    nl: 'Er is nog niets veranderd. Na bevestigen wordt de uitnodiging in het kanaal bijgewerkt en krijgt wie "Ik kom" zei een bericht.',
    en: 'Nothing has changed yet. After confirming, the invitation in the channel is updated and those who said "Ik kom" get a message.',
  },
  'meetings.change.cancelQuestion': {
    nl: 'Er is nog niets veranderd. Na bevestigen staat de uitnodiging als geannuleerd in het kanaal en krijgt wie "Ik kom" zei een bericht.',
    en: 'Nothing has changed yet. After confirming, the invitation shows as cancelled and those who said "Ik kom" get a message.',
  },
  'meetings.change.rescheduleConfirm': { nl: 'Ja, verzetten', en: 'Yes, move it' },
  'meetings.change.cancelConfirm': { nl: 'Ja, annuleren', en: 'Yes, cancel it' },
  'meetings.change.rescheduledDone': { nl: '{code} is verzet naar {when}.', en: '{code} was moved to {when}.' },
  'meetings.change.cancelDone': { nl: '{code} is geannuleerd.', en: '{code} was cancelled.' },
  'meetings.change.told': {
    nl: '{told} van de {yes, plural, one {# persoon die "Ik kom" zei kreeg} other {# mensen die "Ik kom" zeiden kregen}} een persoonlijk bericht (de anderen kent Wijkbot nog niet in Teams: geen chat, geen klik op een kaart, niet in een team met Wijkbot).',
    en: '{told} of the {yes} people who said "Ik kom" got a personal message (Wijkbot does not know the others in Teams yet: no chat, no card click, not in a team with Wijkbot).',
  },
  'meetings.change.alreadyChanged': {
    nl: '{code} is intussen al gewijzigd; er is niets dubbel gedaan. Kijk in **agenda** hoe het nu staat.',
    en: '{code} has been changed meanwhile; nothing was done twice. See **agenda** for how it stands.',
  },
  'meetings.change.cancelled': { nl: '{code} is geannuleerd en kan niet meer veranderen.', en: '{code} was cancelled and can no longer change.' },
  'meetings.reschedule.outOfRange': {
    nl: 'Verzetten kan alleen naar een moment in de toekomst, binnen twee jaar.',
    en: 'A meeting can only be moved to a time in the future, within two years.',
  },
  'meetings.reschedule.same': { nl: '{code} staat al op dat moment.', en: '{code} is already at that time.' },
  'meetings.notify.rescheduleTitle': { nl: '{type} verzet', en: '{type} moved' },
  'meetings.notify.rescheduleLine': {
    nl: '{type} van wijkgroep {group} ({code}) is verzet van {from} naar {when}.',
    en: '{type} of group {group} ({code}) moved from {from} to {when}.',
  },
  'meetings.notify.rescheduleAsk': {
    nl: 'Je zei "Ik kom". Kun je niet op het nieuwe moment? Pas je antwoord aan op de uitnodiging in het kanaal.',
    en: 'You said "Ik kom". Cannot make the new time? Change your answer on the invitation in the channel.',
  },
  'meetings.notify.cancelTitle': { nl: '{type} geannuleerd', en: '{type} cancelled' },
  'meetings.notify.cancelLine': {
    nl: '{type} van wijkgroep {group} op {when} ({code}) gaat niet door.',
    en: '{type} of group {group} on {when} ({code}) will not take place.',
  },

  // Agenda.
  'meetings.agenda.title': { nl: 'Komende bijeenkomsten', en: 'Upcoming meetings' },
  'meetings.agenda.titleGroup': { nl: 'Komende bijeenkomsten van wijkgroep {group}', en: 'Upcoming meetings of group {group}' },
  'meetings.agenda.empty': { nl: 'Er staan geen bijeenkomsten gepland.', en: 'No meetings are planned.' },
  'meetings.agenda.counts': { nl: '{yes} komen, {maybe} misschien', en: '{yes} coming, {maybe} maybe' },

  // Attendance.
  'meetings.attendance.title': { nl: 'Wie was er bij {code}?', en: 'Who attended {code}?' },
  'meetings.attendance.intro': { nl: '{type} wijkgroep {group}, {when} ({code}).', en: '{type} group {group}, {when} ({code}).' },
  'meetings.attendance.prefilled': {
    nl: 'Vooraf aangevinkt: wie "Ik kom" zei. Pas aan en sla op; dit wordt de presentielijst voor de accreditatie.',
    en: 'Ticked in advance: who said "Ik kom". Adjust and save; this becomes the attendance list for accreditation.',
  },
  'meetings.attendance.confirmedBy': { nl: 'Vastgelegd door {name} ({when}). Je kunt het nog aanpassen.', en: 'Recorded by {name} ({when}). You can still change it.' },
  'meetings.attendance.choiceLabel': { nl: 'Aanwezig', en: 'Present' },
  'meetings.attendance.save': { nl: 'Presentie opslaan', en: 'Save attendance' },
  'meetings.attendance.summary': { nl: 'Verslag schrijven', en: 'Write the summary' },
  'meetings.attendance.savedDraftOpen': { nl: 'Het open verslag neemt de aanwezigen over bij Opslaan of Voorbeeld.', en: 'The open summary takes over the attendees on Save or Preview.' },
  'meetings.attendance.saved': {
    nl: 'Opgeslagen: {count} aanwezig. De lijst voor GAIA: **presentielijst {code}**.',
    en: 'Saved: {count} present. The list for GAIA: **presentielijst {code}**.',
  },
  'meetings.attendance.tooEarly': { nl: '{code} is nog niet begonnen; presentie vastleggen kan daarna.', en: '{code} has not started yet; record attendance afterwards.' },
  'meetings.attendance.unknownPerson': { nl: 'Iemand op de lijst hoort niet bij de genodigden van deze bijeenkomst.', en: 'Someone on the list is not among the invitees of this meeting.' },
  'meetings.attendance.notConfirmed': {
    nl: 'De presentie van {code} is nog niet bevestigd. Doe dat eerst met **aanwezig {code}**.',
    en: 'Attendance for {code} has not been confirmed yet. Do that first with **aanwezig {code}**.',
  },
  'meetings.list.title': { nl: 'Presentielijst {code}', en: 'Attendance list {code}' },
  'meetings.list.intro': {
    nl: '{type} wijkgroep {group}, {date}: {count} aanwezig. Het bestand voor Excel of GAIA staat achter de knop (24 uur geldig).',
    en: '{type} group {group}, {date}: {count} present. The file for Excel or GAIA is behind the button (valid for 24 hours).',
  },
  'meetings.list.colName': { nl: 'Naam', en: 'Name' },
  'meetings.list.colRole': { nl: 'Rol', en: 'Role' },
  'meetings.list.more': { nl: '… en nog {count}: zie het bestand.', en: '… and {count} more: see the file.' },
  'meetings.list.download': { nl: 'Download CSV', en: 'Download CSV' },
  'meetings.list.sentPersonally': { nl: 'Ik heb je de presentielijst persoonlijk gestuurd.', en: 'I sent you the attendance list in a personal chat.' },
  'meetings.list.openPersonalChat': {
    nl: 'De presentielijst bevat persoonsgegevens en stuur ik alleen in een persoonlijke chat. Open eerst een persoonlijke chat met Wijkbot (typ daar **help**) en vraag het daar opnieuw.',
    en: 'The attendance list holds personal data, so I only send it in a personal chat. First open a personal chat with Wijkbot (type **help** there) and ask again there.',
  },
  'meetings.sum.title': { nl: 'Presentie wijkgroep {group} in {year}', en: 'Attendance group {group} in {year}' },
  'meetings.sum.none': { nl: 'Er is in {year} nog geen presentie bevestigd.', en: 'No attendance has been confirmed in {year} yet.' },
  'meetings.sum.intro': { nl: '{meetings, plural, one {# bijeenkomst} other {# bijeenkomsten}} met bevestigde presentie.', en: '{meetings, plural, one {# meeting} other {# meetings}} with confirmed attendance.' },
  'meetings.sum.download': { nl: 'Het bestand voor Excel staat achter de knop (24 uur geldig).', en: 'The file for Excel is behind the button (valid for 24 hours).' },
  'meetings.sum.colTotal': { nl: 'Totaal', en: 'Total' },
  'meetings.sum.colByType': { nl: 'Per soort', en: 'By type' },
  'meetings.sum.whichGroup': { nl: 'Van welke wijkgroep? Bijvoorbeeld: **presentie Oost 2026**.', en: 'Which group? For example: **presentie Oost 2026**.' },
};
