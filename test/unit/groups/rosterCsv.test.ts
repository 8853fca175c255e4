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
});
