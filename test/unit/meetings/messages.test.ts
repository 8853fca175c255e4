import fs from 'node:fs';
import path from 'node:path';
import { dateMessages } from '../../../src/dates/messages';
import { meetingMessages as meetingsOwn } from '../../../src/features/meetings/messages';

// The date parser (src/dates) emits codes with the historic `meetings.` prefix; both catalogues together
// must cover what both folders use.
const SOURCE_DIRS = [path.resolve(__dirname, '../../../src/features/meetings'), path.resolve(__dirname, '../../../src/dates')];
const meetingMessages = { ...meetingsOwn, ...dateMessages };

describe('meeting and date messages', () => {
  const used = new Set<string>();
  for (const dir of SOURCE_DIRS) {
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.ts') || file === 'messages.ts') continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of text.matchAll(/'(meetings\.[A-Za-z]+\.[A-Za-z]+)'/g)) used.add(match[1]);
    }
  }

  it('finds the codes in the source', () => {
    expect(used.size).toBeGreaterThan(30);
  });

  it('has Dutch and English text for every code the code uses', () => {
    const missing = [...used].filter((code) => !meetingMessages[code]?.nl || !meetingMessages[code]?.en);
    expect(missing).toEqual([]);
  });

  it('has no texts for codes that are never used', () => {
    expect(Object.keys(meetingMessages).filter((code) => !used.has(code))).toEqual([]);
  });

  it('uses Dutch-formatted params in Dutch and English ones in English', () => {
    for (const [code, { nl, en }] of Object.entries(meetingMessages)) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect({ code, wrong: placeholders(nl).filter((p) => p.endsWith('En')) }).toEqual({ code, wrong: [] });
      // bold parts are example commands, which are Dutch in both languages
      const enProse = en.replace(/\*\*[^*]*\*\*/g, '');
      expect({ code, wrong: placeholders(enProse).filter((p) => p.endsWith('Nl')) }).toEqual({ code, wrong: [] });
    }
  });
});
