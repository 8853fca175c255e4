import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';

const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'appPackage');

/** runs the offline validator (@microsoft/app-manifest) the way `npm run package` does */
function validate(file: string): { ok: boolean; output: string } {
  try {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/package-app.ts'), '--check', file], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output: out };
  } catch (err) {
    return { ok: false, output: String((err as { stderr?: string }).stderr) };
  }
}
const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));

describe('Teams app package', () => {
  test('manifest.json validates against the bundled v1.19 schema (offline)', () => {
    const result = validate(path.join(DIR, 'manifest.json'));
    expect(result).toEqual({ ok: true, output: expect.stringContaining('is geldig') });
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
  }, 30_000);

  test('the validator really rejects a broken manifest', () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-manifest-')), 'manifest.json');
    fs.writeFileSync(broken, JSON.stringify({ ...manifest, bots: [{ ...manifest.bots[0], scopes: ['nowhere'] }] }));
    const result = validate(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('ongeldig');
  }, 30_000);

  test('the bot is offered in personal, team and group chat scopes', () => {
    expect(manifest.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  test('color.png is 192×192 and outline.png is 32×32 with transparency and only white pixels', () => {
    const color = PNG.sync.read(fs.readFileSync(path.join(DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(fs.readFileSync(path.join(DIR, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
  });
});
