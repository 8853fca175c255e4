import { parsePlanCommand } from '../../../src/features/meetings/planCommand';
import { INVITED_ROLES, DEFAULT_DURATION_MINUTES } from '../../../src/features/meetings/types';
import { codes, domainError, GROUPS, NOW } from './helpers';

const ctx = { now: NOW, groupNames: GROUPS };
const plan = (text: string) => parsePlanCommand(text, ctx);

describe('parsePlanCommand: the examples from the brief', () => {
  it('plan FTO di 8 dec 12:30 Oost over antistolling', () => {
    const parsed = plan('plan FTO di 8 dec 12:30 Oost over antistolling');
    expect(parsed).toMatchObject({
      type: 'FTO',
      localDate: '2026-12-08',
      localTime: '12:30',
      durationMinutes: 90,
      groupName: 'Oost',
      theme: 'antistolling',
      isOnline: false,
      warnings: [],
    });
    expect(parsed.startsAt.toISOString()).toBe('2026-12-08T11:30:00.000Z');
    expect(parsed.endsAt.toISOString()).toBe('2026-12-08T13:00:00.000Z');
    expect(parsed.location).toBeUndefined();
    expect(parsed.series).toBeUndefined();
    expect(parsed.understood.map((u) => [u.field, u.nl])).toEqual([
      ['type', 'FTO (farmacotherapeutisch overleg)'],
      ['date', 'dinsdag 8 december 2026'],
      ['time', '12.30 uur'],
      ['duration', '90 minuten (standaard voor dit type)'],
      ['group', 'wijkgroep Oost'],
      ['theme', 'thema: antistolling'],
    ]);
  });

  it('plan patz 14-1 om half 1 wijkgroep Noord 90 min', () => {
    const parsed = plan('plan patz 14-1 om half 1 wijkgroep Noord 90 min');
    expect(parsed).toMatchObject({ type: 'PaTz', localDate: '2027-01-14', localTime: '12:30', durationMinutes: 90, groupName: 'Noord' });
    expect(parsed.understood.find((u) => u.field === 'time')).toEqual({ field: 'time', input: 'om half 1', nl: '12.30 uur', en: '12:30' });
  });

  it('plan spiegel volgende week dinsdag 17.30', () => {
    expect(plan('plan spiegel volgende week dinsdag 17.30')).toMatchObject({
      type: 'spiegel',
      localDate: '2026-12-01',
      localTime: '17:30',
      durationMinutes: 120,
      groupName: undefined,
    });
  });

  it('plan wijkoverleg 8-12 19:00 locatie ... online <url> over jaarplan', () => {
    const parsed = plan(
      'plan wijkoverleg 8-12 19:00 locatie Huisartsenpost Oost online https://teams.microsoft.com/l/meetup-join/abc over jaarplan',
    );
    expect(parsed).toMatchObject({
      type: 'wijkoverleg',
      localDate: '2026-12-08',
      localTime: '19:00',
      location: 'Huisartsenpost Oost',
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
      isOnline: true,
      theme: 'jaarplan',
      groupName: undefined, // "Oost" inside the location is not the group
    });
  });
});

describe('parsePlanCommand: type', () => {
  it.each([
    ['fto', 'FTO'],
    ['farmaco', 'FTO'],
    ['FTO-overleg', 'FTO'],
    ['PATZ', 'PaTz'],
    ['palliatief', 'PaTz'],
    ['spiegel', 'spiegel'],
    ['Spiegelbijeenkomst', 'spiegel'],
    ['wijkoverleg', 'wijkoverleg'],
    ['overleg', 'wijkoverleg'],
  ])('%s → %s', (word, type) => {
    expect(plan(`plan ${word} di 8 dec 12:30`).type).toBe(type);
  });

  it('"FTO overleg" is an FTO', () => {
    expect(plan('plan FTO overleg di 8 dec 12:30').type).toBe('FTO');
  });

  it('asks for a type when there is none', () => {
    expect(domainError(() => plan('plan di 8 dec 12:30'))).toMatchObject({
      code: 'meetings.plan.missingType',
      params: { types: 'FTO, PaTz, spiegel, wijkoverleg' },
    });
  });

  it('suggests the nearest type for a typo', () => {
    expect(domainError(() => plan('plan ftoo di 8 dec 12:30'))).toMatchObject({
      code: 'meetings.plan.unknownType',
      params: { word: 'ftoo', suggestion: 'FTO' },
    });
    expect(domainError(() => plan('plan spigel di 8 dec 12:30')).params.suggestion).toBe('spiegel');
  });

  it('refuses two different types', () => {
    expect(domainError(() => plan('plan FTO PaTz di 8 dec 12:30')).code).toBe('meetings.plan.twoTypes');
  });

  it('defaults and invitations per type', () => {
    expect(DEFAULT_DURATION_MINUTES).toEqual({ FTO: 90, PaTz: 90, spiegel: 120, wijkoverleg: 90 });
    expect(INVITED_ROLES.FTO).toEqual(['huisarts', 'apotheker']);
    expect(INVITED_ROLES.PaTz).toEqual(['huisarts', 'wijkverpleegkundige', 'coordinator']);
    expect(INVITED_ROLES.spiegel).toEqual(['huisarts']);
    expect(INVITED_ROLES.wijkoverleg).toEqual(['huisarts', 'coordinator', 'raadslid', 'apotheker', 'wijkverpleegkundige', 'admin']);
  });
});

describe('parsePlanCommand: date and time', () => {
  it('missing date or time is a DomainError with an example', () => {
    expect(domainError(() => plan('plan FTO 12:30'))).toMatchObject({ code: 'meetings.plan.missingDate', params: { type: 'FTO' } });
    expect(domainError(() => plan('plan FTO di 8 dec'))).toMatchObject({ code: 'meetings.plan.missingTime' });
  });

  it('a date after the theme is not searched for', () => {
    expect(domainError(() => plan('plan FTO over antistolling di 8 dec 12:30')).code).toBe('meetings.plan.missingDate');
  });

  it('two dates or two times are an error, with a hint for durations', () => {
    expect(domainError(() => plan('plan FTO 8 dec 15 dec 12:30'))).toMatchObject({
      code: 'meetings.plan.twoDates',
      params: { first: '8 dec', second: '15 dec' },
    });
    expect(domainError(() => plan('plan FTO 8 dec 19:00 2 uur'))).toMatchObject({
      code: 'meetings.plan.twoTimes',
      params: { first: '19:00', second: '2 uur' },
    });
  });

  it('passes date warnings through', () => {
    expect(codes(plan('plan FTO ma 8 dec 12:30').warnings)).toEqual(['meetings.date.weekdayMismatch']);
    expect(codes(plan('plan FTO 25 dec 19:00').warnings)).toEqual(['meetings.date.holiday']);
    expect(codes(plan('plan FTO 8 dec om 8 uur').warnings)).toEqual(['meetings.time.ambiguous']);
  });

  it("understands 's avonds anywhere in the head", () => {
    expect(plan("plan FTO 's avonds di 8 dec om 8 uur").localTime).toBe('20:00');
    expect(plan('plan FTO vanavond om half 8').localTime).toBe('19:30');
  });

  it('"di 8 19:00" is Tuesday the 8th, "dinsdag 8 uur" is Tuesday at eight', () => {
    expect(plan('plan FTO di 8 19:00')).toMatchObject({ localDate: '2026-12-08', localTime: '19:00', warnings: [] });
    expect(plan('plan FTO dinsdag 8 uur')).toMatchObject({ localDate: '2026-11-24', localTime: '08:00' });
    expect(plan('plan FTO dinsdag 10 over 7')).toMatchObject({ localDate: '2026-11-24', localTime: '19:10' });
  });

  it('kwart over / tien voor half in a command', () => {
    expect(plan('plan PaTz 8-12 kwart over 3 Noord').localTime).toBe('15:15');
    expect(plan('plan PaTz 8-12 tien voor half 6 Noord').localTime).toBe('17:20');
    expect(plan('plan PaTz over twee weken om 1 uur').localDate).toBe('2026-12-07');
  });
});

describe('parsePlanCommand: duration', () => {
  it.each([
    ['90 min', 90],
    ['45min', 45],
    ['60 minuten', 60],
    ['duur 75', 75],
    ['duur 2 uur', 120],
    ['1,5 uur', 90],
    ['anderhalf uur', 90],
    ['2 uur lang', 120],
    ['twee uur lang', 120],
  ])('%s → %i minutes', (words, minutes) => {
    expect(plan(`plan FTO di 8 dec 19:00 ${words}`).durationMinutes).toBe(minutes);
  });

  it('takes a time range as the duration', () => {
    const parsed = plan('plan FTO di 8 dec 19:00-21:30');
    expect(parsed.durationMinutes).toBe(150);
    expect(parsed.endsAt.toISOString()).toBe('2026-12-08T20:30:00.000Z');
    expect(plan('plan FTO di 8 dec van 12:30 tot 14:00').durationMinutes).toBe(90);
  });

  it('prefers an explicit duration over a range, with a warning', () => {
    const parsed = plan('plan FTO di 8 dec 19:00-21:00 90 min');
    expect(parsed.durationMinutes).toBe(90);
    expect(parsed.warnings[0]).toEqual({ code: 'meetings.duration.conflict', params: { duration: 90, range: 120 } });
  });

  it('rejects implausible durations', () => {
    expect(domainError(() => plan('plan FTO di 8 dec 19:00 900 min'))).toMatchObject({
      code: 'meetings.duration.invalid',
      params: { input: '900 min', min: 15, max: 480 },
    });
    expect(domainError(() => plan('plan FTO di 8 dec 5 min 19:00')).code).toBe('meetings.duration.invalid');
  });
});

describe('parsePlanCommand: group, location, online, theme', () => {
  it.each([
    ['Oost', 'Oost'],
    ['oost', 'Oost'],
    ['wijkgroep Oost', 'Oost'],
    ['Wijkgroep OOST', 'Oost'],
    ['Zuid', 'Wijkgroep Zuid'],
    ['wijkgroep zuid', 'Wijkgroep Zuid'],
    ['Nieuw-West', 'Nieuw-West'],
    ['nieuw west', 'Nieuw-West'],
    ['wijkgroep De Pijp', 'De Pijp'],
    ['voor wijkgroep Noord', 'Noord'],
    ['bij Noord', 'Noord'],
  ])('%s → %s', (words, groupName) => {
    expect(plan(`plan FTO di 8 dec 12:30 ${words}`).groupName).toBe(groupName);
  });

  it('the group may come before the date', () => {
    expect(plan('plan FTO wijkgroep Noord di 8 dec 12:30')).toMatchObject({ groupName: 'Noord', localDate: '2026-12-08' });
  });

  it('"wijkgroep X" after the theme still sets the group', () => {
    expect(plan('plan FTO di 8 dec 12:30 over antistolling wijkgroep Oost')).toMatchObject({ theme: 'antistolling', groupName: 'Oost' });
  });

  it('warns about an unknown group', () => {
    const parsed = plan('plan FTO di 8 dec 12:30 wijkgroep West');
    expect(parsed.groupName).toBeUndefined();
    expect(parsed.warnings).toEqual([{ code: 'meetings.group.unknown', params: { name: 'West' } }]);
  });

  it('keeps the theme text as typed, including punctuation and other marker words', () => {
    const parsed = plan("plan FTO di 8 dec 12:30 over DOAC's, nieuwe richtlijn; bespreken bij ouderen over 80");
    expect(parsed.theme).toBe("DOAC's, nieuwe richtlijn; bespreken bij ouderen over 80");
    expect(plan('plan FTO di 8 dec 12:30 thema: "Antistolling"').theme).toBe('Antistolling');
  });

  it('location ends at the theme; theme ends at locatie', () => {
    expect(plan('plan FTO di 8 dec 12:30 locatie Apotheek De Linde, Kerkstraat 1 over antistolling')).toMatchObject({
      location: 'Apotheek De Linde, Kerkstraat 1',
      theme: 'antistolling',
    });
    expect(plan('plan FTO di 8 dec 12:30 over antistolling locatie HAP Oost')).toMatchObject({ location: 'HAP Oost', theme: 'antistolling' });
    expect(plan('plan FTO di 8 dec 12:30 bij Apotheek De Linde').location).toBe('Apotheek De Linde');
  });

  it('"online" with or without a link', () => {
    expect(plan('plan FTO di 8 dec 12:30 online')).toMatchObject({ isOnline: true, onlineUrl: undefined });
    expect(plan('plan FTO di 8 dec 12:30 https://teams.microsoft.com/l/meetup-join/x,')).toMatchObject({
      isOnline: true,
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
    });
    expect(plan('plan FTO di 8 dec 12:30 locatie HAP online https://example.org/m over jaarplan')).toMatchObject({
      location: 'HAP',
      onlineUrl: 'https://example.org/m',
      theme: 'jaarplan',
    });
  });

  it('reports words it did not understand', () => {
    const parsed = plan('plan FTO di 8 dec 12:30 graag Oostt');
    expect(parsed.warnings).toEqual([{ code: 'meetings.plan.ignoredWords', params: { words: 'graag Oostt' } }]);
  });
});
