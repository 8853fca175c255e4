import { parseRosterCsv, toRosterCsv } from '../../../src/features/groups/rosterCsv';

const GUID = 'c0000000-0000-4000-8000-000000000001';

describe('roster CSV', () => {
  test('a valid file parses into rows with normalised e-mail and role aliases', () => {
    const r = parseRosterCsv(`wijkgroep,naam,email,aad_object_id,rol\nOost,Carla,Carla@X.nl,${GUID},coördinator\n,Beheer,b@x.nl,,admin\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows[0]).toMatchObject({ line: 2, groupName: 'Oost', email: 'carla@x.nl', role: 'coordinator' });
    expect(r.rows[1]).toMatchObject({ groupName: null, role: 'admin', aadObjectId: null });
  });

  test('every bad row is reported with its line number and column', () => {
    const r = parseRosterCsv(
      [
        'wijkgroep,naam,email,aad_object_id,rol',
        'Oost,,a@x.nl,,huisarts',          // 2: no name
        'Oost,Bob,geen-mail,,huisarts',    // 3: bad email
        'Oost,Cor,,,huisarts',             // 4: no email nor id
        'Oost,Dick,d@x.nl,nope,huisarts',  // 5: bad guid
        'Oost,Els,e@x.nl,,tandarts',       // 6: unknown role
        ',Fred,f@x.nl,,huisarts',          // 7: group role without group
        'Oost,Gea,g@x.nl,,huisarts',       // 8: ok
        'Oost,Gea,g@x.nl,,huisarts',       // 9: duplicate of 8
      ].join('\n'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column ?? null])).toEqual([
      [2, 'naam'], [3, 'email'], [4, 'email'], [5, 'aad_object_id'], [6, 'rol'], [7, 'wijkgroep'], [9, null],
    ]);
    expect(r.problems.find((p) => p.line === 6)?.reason).toContain('onbekende rol "tandarts"');
    expect(r.problems.find((p) => p.line === 9)?.reason).toContain('regel 8');
  });

  test('an Excel CSV with BOM and semicolons is accepted', () => {
    const r = parseRosterCsv(`\uFEFFwijkgroep;naam;email;aad_object_id;rol\r\nOost;"Jansen, P.";p@x.nl;;huisarts\r\n`);
    expect(r.ok && r.rows[0].name).toBe('Jansen, P.');
  });

  test('a missing column is named', () => {
    const r = parseRosterCsv('wijkgroep,naam,email,rol\n');
    expect(!r.ok && r.problems[0].reason).toContain('aad_object_id');
  });

  test('export writes the import format back', () => {
    const csv = toRosterCsv([{ groupName: 'Oost', name: 'Jansen, P.', email: 'p@x.nl', aadObjectId: null, role: 'huisarts' }]);
    const again = parseRosterCsv(csv);
    expect(again.ok && again.rows[0]).toMatchObject({ groupName: 'Oost', name: 'Jansen, P.', email: 'p@x.nl', role: 'huisarts' });
  });

  describe('bounded and clean text', () => {
    const H = 'wijkgroep,naam,email,aad_object_id,rol';
    const problemsOf = (...lines: string[]) => {
      const r = parseRosterCsv([H, ...lines].join('\n'));
      return r.ok ? [] : r.problems;
    };

    test('a 1 MB name, a 101-character group name and a 300-character e-mail are refused with their line', () => {
      const problems = problemsOf(`Oost,${'x'.repeat(1_000_000)},a@x.nl,,huisarts`, `${'G'.repeat(101)},Bo,b@x.nl,,huisarts`, `Oost,Cor,${'c'.repeat(290)}@x.nl,,huisarts`);
      expect(problems.map((p) => [p.line, p.column])).toEqual([[2, 'naam'], [3, 'wijkgroep'], [4, 'email']]);
      expect(problems[0]!.reason).toBe('naam is langer dan 256 tekens');
      expect(problems[1]!.reason).toBe('de naam van de wijkgroep is langer dan 100 tekens');
      expect(problems.every((p) => p.reason.length < 200)).toBe(true); // the value is never echoed whole
    });

    test.each([
      ['a right-to-left override in a group name', 'Oost\u202Egnikcah,Ann,a@x.nl,,huisarts', 'wijkgroep', 'leesrichting'],
      ['a BEL in a group name', 'Oost\u0007,Ann,a@x.nl,,huisarts', 'wijkgroep', 'stuurteken'],
      ['an isolate in a person name', 'Oost,Ann\u2067 Admin\u2069,a@x.nl,,huisarts', 'naam', 'leesrichting'],
      ['a right-to-left mark in a person name', 'Oost,Ann\u200F,a@x.nl,,huisarts', 'naam', 'leesrichting'],
      ['a tab inside a quoted name', 'Oost,"Ann\tB",a@x.nl,,huisarts', 'naam', 'stuurteken'],
    ])('%s is refused, naming the line', (_name, row, column, reason) => {
      const [problem] = problemsOf('Oost,Goed,g@x.nl,,huisarts', row);
      expect(problem).toMatchObject({ line: 3, column });
      expect(problem!.reason).toContain(reason);
    });

    test('zero-width characters and soft hyphens in names are removed, decomposed accents composed', () => {
      const r = parseRosterCsv(`${H}\nOo\u200Bst,Coo\u0308r\u00ADdinator,c@x.nl,,huisarts\n`);
      expect(r.ok && [r.rows[0]!.groupName, r.rows[0]!.name]).toEqual(['Oost', 'Coördinator']);
    });
  });

  describe('rows that contradict each other are named with the other line', () => {
    const H = 'wijkgroep,naam,email,aad_object_id,rol';
    const G2 = 'c0000000-0000-4000-8000-000000000002';
    test.each([
      ['one Entra id with two e-mail addresses', [`Oost,Carla,carla@x.nl,${GUID},huisarts`, `Oost,Carla,other@x.nl,${GUID},coordinator`], 'e-mail carla@x.nl', 2],
      ['one e-mail address with two Entra ids', [`Oost,Carla,carla@x.nl,${GUID},huisarts`, `Oost,Carla,carla@x.nl,${G2},coordinator`], 'ander aad_object_id', 2],
      ['two names for one person', [`Oost,Carla,carla@x.nl,,huisarts`, `Oost,Karla,carla@x.nl,,coordinator`], 'heet op regel 2 "Carla"', 2],
      ['an Entra id and an e-mail address of two different people', [`Oost,Carla,carla@x.nl,${GUID},huisarts`, `Oost,Dirk,dirk@x.nl,${G2},huisarts`, `Noord,Carla,dirk@x.nl,${GUID},huisarts`], 'regel 2', 2],
      ['the same row twice (the group written another way)', [`Oost,Carla,carla@x.nl,,huisarts`, `oost,Carla,CARLA@x.nl,,huisarts`], 'dubbele regel', 2],
    ])('%s', (_name, lines, reason, other) => {
      const r = parseRosterCsv([H, ...lines].join('\n'));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]!.line).toBe(lines.length + 1);
      expect(r.problems[0]!.reason).toContain(reason);
      expect(r.problems[0]!.reason).toContain(`regel ${other}`);
    });

    test('an e-mail-only row and an Entra-id row of the same person agree', () => {
      const r = parseRosterCsv([H, 'Oost,Carla,carla@x.nl,,huisarts', `Oost,Carla,carla@x.nl,${GUID},coordinator`].join('\n'));
      expect(r.ok).toBe(true);
    });
  });
});
