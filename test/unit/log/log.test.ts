import { Writable } from 'node:stream';
import { createLogger, errorSummary, stackFrames } from '../../../src/log';

describe('logs never carry user text from error messages', () => {
  const prismaLike = 'Invalid `prisma.summaryDraft.update()` invocation:\n\n{\n  data: { text: "dhr. Jansen geb. 01-02-1950" }\n}\nArgument text is too long';

  test('only the first line of an error message is kept', () => {
    expect(errorSummary(prismaLike)).toBe('Invalid `prisma.summaryDraft.update()` invocation:');
    expect(errorSummary(new Error(prismaLike))).toBe('Invalid `prisma.summaryDraft.update()` invocation:');
    expect(String(errorSummary('x'.repeat(500))).length).toBe(201);
  });

  test('a stack keeps its frames but not its message', () => {
    const stack = `Error: ${prismaLike}\n    at a (file.ts:1:1)\n    at b (file.ts:2:2)`;
    expect(stackFrames(stack)).toBe('    at a (file.ts:1:1)\n    at b (file.ts:2:2)');
  });

  test('the real logger applies it to err and stack fields', () => {
    let out = '';
    const sink = new Writable({ write(chunk, _e, cb) { out += chunk; cb(); } });
    createLogger('info', sink).error({ err: prismaLike, stack: `Error: ${prismaLike}\n    at x (y:1:1)` }, 'failed');
    expect(out).not.toContain('Jansen');
    expect(out).toContain('invocation');
  });
});
