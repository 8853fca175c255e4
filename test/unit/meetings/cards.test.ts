import { TABLE_CARD_MAX_ROWS } from '../../../src/cards/tableCard';
import { attendanceCard, changeCard, draftCard, inviteCard, invitedLabel, presentielijstCard, type InviteCardInput } from '../../../src/features/meetings/cards';
import type { DraftView } from '../../../src/features/meetings/service';
import { actions, cardProblems, meetingRecord, texts } from './integration.helpers';

const NOW = new Date('2026-11-23T10:00:00Z');

function invite(over: Partial<InviteCardInput> = {}): InviteCardInput {
  return {
    meeting: meetingRecord(), groupName: 'Oost', counts: { yes: 3, no: 1, maybe: 2 }, invitedCount: 12, locale: 'nl',
    icsUrl: 'https://wijkbot.example/agenda/cmeeting000000000000000001/abc.ics', agreements: [], refreshUserIds: ['29:a', '29:b'], now: NOW, ...over,
  };
}

function draftView(over: Partial<DraftView> = {}, series = false): DraftView {
  const occ = (date: string) => ({ localDate: date, localTime: '12:30', startsAt: new Date(`${date}T11:30:00Z`), endsAt: new Date(`${date}T13:00:00Z`), warnings: [], conflicts: [] });
  return {
    id: 'draft1', status: 'open',
    plan: {
      type: series ? 'PaTz' : 'FTO', groupId: 'g1', durationMinutes: 90, theme: 'antistolling', location: null, onlineUrl: null,
      occurrences: series ? [{ localDate: '2027-01-19', localTime: '12:30' }, { localDate: '2027-03-16', localTime: '12:30' }] : [{ localDate: '2026-12-08', localTime: '12:30' }],
      series, understood: [{ field: 'date', input: 'ma 8 dec', nl: 'dinsdag 8 december 2026', en: 'Tuesday 8 December 2026' }], parseWarnings: [], edited: false,
    },
    occurrences: series ? [occ('2027-01-19'), occ('2027-03-16')] : [occ('2026-12-08')],
    warnings: [{ code: 'meetings.date.holiday', params: { dateNl: 'vrijdag 25 december 2026', nameNl: 'Eerste Kerstdag' } }],
    groups: [{ id: 'g1', name: 'Oost', reminderDaysBefore: 2 }, { id: 'g2', name: 'Noord', reminderDaysBefore: 2 }],
    ...over,
  };
}

describe('meeting cards', () => {
  test.each([
    ['shared invitation', inviteCard(invite())],
    ['personal view with an answer', inviteCard(invite({ personal: { mine: 'maybe', invited: true, canManage: true } }))],
    ['not invited', inviteCard(invite({ personal: { mine: null, invited: false, canManage: false } }))],
    ['cancelled', inviteCard(invite({ meeting: meetingRecord({ status: 'cancelled', sequence: 1 }) }))],
    ['reminder for a PaTz with agreements off', inviteCard(invite({ meeting: meetingRecord({ type: 'PaTz' }), variant: 'reminder' }))],
    ['FTO with agreements', inviteCard(invite({ agreements: ['PPI afbouwen — toetsen'] }))],
    ['draft', draftCard(draftView(), 'nl')],
    ['series draft in English with problems', draftCard(draftView({}, true), 'en', [{ code: 'meetings.form.badUrl' }])],
    ['confirmed draft', draftCard(draftView({ status: 'confirmed' }), 'nl')],
    ['reschedule confirmation', changeCard('reschedule', { meeting: meetingRecord(), groupName: 'Oost', locale: 'nl', newStartsAt: new Date('2026-12-15T18:00:00Z') })],
    ['cancel done', changeCard('cancel', { meeting: meetingRecord(), groupName: 'Oost', locale: 'nl', done: 'klaar' })],
    ['attendance', attendanceCard({ meeting: meetingRecord(), groupName: 'Oost', invitees: [{ personId: 'p1', name: 'Dirk', role: 'huisarts' }, { personId: 'p2', name: 'Eva', role: 'apotheker' }], selected: ['p1'], locale: 'nl' })],
  ])('%s is a valid 1.5 card where every Action.Execute has a verb', (_label, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  test('the shared invitation shows counts, never one person’s answer, and asks the listed clients for their own view', () => {
    const card = inviteCard(invite());
    const text = texts(card);
    expect(text).toContain('Ik kom: 3 · Misschien: 2 · Ik kom niet: 1 (van 12 uitgenodigd)');
    expect(text).toContain('huisartsen en apothekers (12)');
    expect(text).not.toMatch(/Jouw antwoord|nog niet geantwoord/);
    expect((card as any).refresh).toEqual({ action: { type: 'Action.Execute', verb: 'meeting.view', title: 'Vernieuwen', data: { meetingId: 'cmeeting000000000000000001' } }, userIds: ['29:a', '29:b'] });
    expect(actions(card).filter((a) => a.verb === 'meeting.rsvp').map((a) => [a.title, a.data])).toEqual([
      ['Ik kom', { meetingId: 'cmeeting000000000000000001', answer: 'yes' }],
      ['Ik kom niet', { meetingId: 'cmeeting000000000000000001', answer: 'no' }],
      ['Misschien', { meetingId: 'cmeeting000000000000000001', answer: 'maybe' }],
    ]);
    expect(actions(card).find((a) => a.type === 'Action.OpenUrl').url).toContain('.ics');
  });

  test('a person’s own view marks their answer', () => {
    const card = inviteCard(invite({ personal: { mine: 'maybe', invited: true, canManage: false } }));
    expect(texts(card)).toContain('Jouw antwoord: Misschien');
    expect(actions(card).filter((a) => a.verb === 'meeting.rsvp').map((a) => a.style)).toEqual(['default', 'default', 'positive']);
  });

  test('after the start, when cancelled, and on a reminder there are no answer buttons', () => {
    for (const card of [
      inviteCard(invite({ now: new Date('2026-12-08T11:30:00Z') })),
      inviteCard(invite({ meeting: meetingRecord({ status: 'cancelled' }) })),
      inviteCard(invite({ variant: 'reminder' })),
    ]) expect(actions(card).filter((a) => a.verb === 'meeting.rsvp')).toEqual([]);
    expect(texts(inviteCard(invite({ meeting: meetingRecord({ status: 'cancelled' }) })))).toContain('GEANNULEERD');
    expect((inviteCard(invite({ variant: 'reminder' })) as any).refresh).toBeUndefined();
  });

  test('PaTz cards ask for patients in the PaTz Portal, never in Teams; FTO cards do not', () => {
    expect(texts(inviteCard(invite({ meeting: meetingRecord({ type: 'PaTz' }) })))).toContain('PaTz Portal');
    expect(texts(inviteCard(invite()))).not.toContain('PaTz Portal');
  });

  test('afspraken show on FTO invitations only when there are some', () => {
    expect(texts(inviteCard(invite({ agreements: ['PPI afbouwen — toetsen'] })))).toContain('Afspraken om te toetsen');
    expect(texts(inviteCard(invite()))).not.toContain('Afspraken om te toetsen');
  });

  test('user text on a card is inert: a theme with a template expression is shown, not evaluated', () => {
    const card = inviteCard(invite({ meeting: meetingRecord({ theme: '${$root.icsUrl} en <b>vet</b>' }) }));
    expect(JSON.stringify(card)).toContain('$\u200b{$root.icsUrl}');
    expect(cardProblems(card)).toEqual([]);
  });

  test('the draft card prefills every input and carries only the draft id in its actions', () => {
    const card = draftCard(draftView(), 'nl');
    const inputs: Record<string, unknown> = {};
    JSON.stringify(card, (_k, v) => {
      if (v && typeof v === 'object' && typeof v.type === 'string' && v.type.startsWith('Input.')) inputs[v.id] = v.value;
      return v;
    });
    expect(inputs).toEqual({ type: 'FTO', groupId: 'g1', date: '2026-12-08', time: '12:30', duration: 90, theme: 'antistolling', location: '', onlineUrl: '' });
    expect(actions(card).map((a) => [a.verb, a.data])).toEqual([['meeting.draft.confirm', { draftId: 'draft1' }], ['meeting.draft.discard', { draftId: 'draft1' }]]);
    expect(texts(card)).toContain('"ma 8 dec" dinsdag 8 december 2026');
    expect(texts(card)).toContain('Eerste Kerstdag');
  });

  test('a series draft lists its dates and has no single date input', () => {
    const card = draftCard(draftView({}, true), 'nl');
    expect(texts(card)).toContain('De 2 datums');
    expect(JSON.stringify(card)).not.toContain('"Input.Date"');
    expect(actions(card)[0].title).toBe('Bevestig alle 2');
  });

  test('invited roles per type', () => {
    expect(invitedLabel('FTO', 'nl')).toBe('huisartsen en apothekers');
    expect(invitedLabel('PaTz', 'nl')).toBe('huisartsen en wijkverpleegkundigen');
    expect(invitedLabel('spiegel', 'en')).toBe('GPs');
    expect(invitedLabel('wijkoverleg', 'nl')).toBe('alle leden van de wijkgroep');
  });
});

describe('one time format per card', () => {
  /** Every clock time a person reads on the card, apart from what they typed themselves ("12:30" in quotes). */
  const times = (card: object) => [...texts(card).replace(/"[^"]*"/g, '').matchAll(/\b\d{1,2}([.:])\d{2}\b/g)].map((m) => m[1]);

  test('the invitation shows its time range as "12.30–14.00 uur", not "12.30 uur – 14:00"', () => {
    const text = texts(inviteCard(invite()));
    expect(text).toContain('dinsdag 8 december 2026, 12.30–14.00 uur');
    expect(text).not.toContain('uur –');
  });

  test.each([
    ['invitation', inviteCard(invite())],
    ['reminder', inviteCard(invite({ variant: 'reminder' }))],
    ['series draft', draftCard(draftView({}, true), 'nl')],
    ['reschedule confirmation', changeCard('reschedule', { meeting: meetingRecord(), groupName: 'Oost', locale: 'nl', newStartsAt: new Date('2026-12-15T18:00:00Z') })],
  ])('Dutch %s: every time written with a dot', (_label, card) => {
    const seen = times(card);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['.']));
  });

  test('English: "Tuesday 8 December 2026, 12:30–14:00", every time with a colon', () => {
    const card = inviteCard(invite({ locale: 'en', variant: 'reminder' }));
    expect(texts(card)).toContain('Tuesday 8 December 2026, 12:30–14:00');
    expect(new Set(times(card))).toEqual(new Set([':']));
  });
});

describe('lists as a table, not CSV in the chat', () => {
  test('a long presentielijst shows its first rows, says how many more, and offers the file behind a short button', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ name: `Huisarts ${String(i + 1).padStart(2, '0')} met een lange naam`, role: i === 0 ? 'coordinator' : 'huisarts' }));
    const card = presentielijstCard(meetingRecord(), 'Oost', rows, 'https://wijkbot.example/presentielijst/tok', 'nl') as any;
    expect(cardProblems(card)).toEqual([]);
    const table = card.body.find((b: any) => b.type === 'Table');
    expect(table.rows).toHaveLength(1 + TABLE_CARD_MAX_ROWS);
    expect(table.rows[1].cells.map((c: any) => c.items[0].text)).toEqual(['Huisarts 01 met een lange naam', 'coördinator']);
    expect(texts(card)).toContain('40 aanwezig');
    expect(texts(card)).toContain(`… en nog ${40 - TABLE_CARD_MAX_ROWS}: zie het bestand.`);
    expect(texts(card)).not.toContain('https://');
    expect(actions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Download CSV', url: 'https://wijkbot.example/presentielijst/tok' }]);
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });
});
