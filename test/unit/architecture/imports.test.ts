/**
 * The import picture of src/: no module imports itself round a circle (type-only imports count too:
 * they tie the modules together for every reader and every refactoring), and no feature imports
 * another feature's privacy guard (a shared capability has its own room under src/).
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sourceFiles(full);
    return d.name.endsWith('.ts') ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return null;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g), ...text.matchAll(/\bimport\('([^']+)'\)/g)].map((m) => m[1]!);
    graph.set(file, specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null));
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const info = new Map<string, { index: number; low: number; onStack: boolean }>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.low);
      } else if (info.get(w)!.onStack) info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.index);
    }
    if (info.get(v)!.low === info.get(v)!.index) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        info.get(w)!.onStack = false;
        component.push(path.relative(SRC, w));
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return out;
}

test('src/ has no import circle', () => {
  expect(circles(importGraph())).toEqual([]);
});

test('the privacy guard is its own room: features import it from src/privacy, and it imports no feature', () => {
  const graph = importGraph();
  const rel = (f: string) => path.relative(SRC, f);
  const guardModules = [...graph.keys()].filter((f) => /\/(privacyGuard|guardText|bsn)\.ts$/.test(f)).map(rel);
  expect(guardModules.sort()).toEqual(['privacy/bsn.ts', 'privacy/guardText.ts', 'privacy/privacyGuard.ts']);
  const fromPrivacy = [...graph.entries()]
    .filter(([f]) => rel(f).startsWith('privacy/'))
    .flatMap(([, deps]) => deps.map(rel))
    .filter((d) => d.startsWith('features/') && d !== 'features/errors.ts');
  expect(fromPrivacy).toEqual([]);
});
