import fs from 'node:fs';
import path from 'node:path';
import { meetingMessages } from '../../../src/features/meetings/messages';

const SOURCE_DIR = path.resolve(__dirname, '../../../src/features/meetings');

describe('meeting messages', () => {
  const used = new Set<string>();
  for (const file of fs.readdirSync(SOURCE_DIR)) {
    if (!file.endsWith('.ts') || file === 'messages.ts') continue;
    const text = fs.readFileSync(path.join(SOURCE_DIR, file), 'utf8');
    for (const match of text.matchAll(/'(meetings\.[A-Za-z]+\.[A-Za-z]+)'/g)) used.add(match[1]);
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
