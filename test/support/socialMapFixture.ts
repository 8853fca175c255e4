/** A small social map in the agreed CSV header, shared by the sociale-kaart end-to-end tests. */
export const HEADER = 'naam,organisatie,discipline,expertise,wijken,postcode,adres,plaats,werkdagen,opnamestop,opnamestop_tot,wachttijd_weken,telefoon,email,website,communicatie,agb,laatst_gecontroleerd';
export const FIXTURE_CSV = [
  HEADER,
  'Anna de Vries,Fysio Dapper,fysiotherapie,bekkenbodem;incontinentie,Oost,1093 AB,Dapperstraat 10,Amsterdam,ma;di;do,nee,,2,020-1234567,anna@fysiodapper.example,www.fysiodapper.example,ZorgDomein;telefoon,04000001,2026-11-01;Carla Coördinator',
  'Sanne Bakker,Bekkencentrum Oost,bekkenfysiotherapie,,Oost,1094 CD,Javastraat 5,Amsterdam,ma;wo,ja;Vol tot februari,2027-01-31,8,020-7654321,info@bekkencentrum.example,,Siilo,04000002,2026-11-10;Carla Coördinator',
  'Piet Jansen,Huisartsenpraktijk Noord,POH-GGZ,angst;depressie,Noord,1021 AA,Meeuwenlaan 1,Amsterdam,di;do,nee,,1,020-1111111,,,ZorgMail,94000003,2026-11-15',
  'Logopedie Watergraafsmeer,,logopedie,afasie;stotteren,Watergraafsmeer,1097 AA,Middenweg 50,Amsterdam,ma;di;wo;do;vr,nee,,3,020-2222222,logo@wgm.example,,telefoon,06000004,2026-10-20',
  'Diëtistenpraktijk Oost,,diëtetiek,diabetes,Oost,1093 BB,Linnaeusstraat 3,Amsterdam,wo,nee,,0,020-3333333,,,ZorgDomein,,2026-11-20',
  'Thuiszorg Oost,Stichting Amstelzorg,wijkverpleging,wondzorg;palliatief,Oost,1092 AA,Oosterparkstraat 1,Amsterdam,ma;di;wo;do;vr;za;zo,nee,,0,020-4444444,,,KIS;telefoon,,2026-05-01',
  ...Array.from({ length: 7 }, (_, i) => `Fysio Test ${i + 1},Fysiopraktijk Noord,fysiotherapie,rug,Noord,1021 B${'ABCDEFG'[i]},Purmerweg ${i + 1},Amsterdam,ma;di;wo;do;vr,nee,,${i + 1},020-555000${i},,,ZorgDomein,,2026-11-0${i + 1}`),
].join('\n');
