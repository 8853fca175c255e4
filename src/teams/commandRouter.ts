/**
 * Finds the command a message starts with. Multi-word names win over their prefixes ("rol weg" before
 * "rol", "wie ben ik" before anything), and matching is case- and accent-insensitive.
 */
import type { CommandSpec } from './featureModule';

export interface RoutedCommand {
  spec: CommandSpec;
  name: string;
  args: string;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export class CommandRouter {
  private readonly entries: { name: string; folded: string; spec: CommandSpec }[] = [];

  constructor(specs: CommandSpec[]) {
    for (const spec of specs) for (const name of spec.names) this.entries.push({ name, folded: fold(name), spec });
    this.entries.sort((a, b) => b.folded.length - a.folded.length);
    const seen = new Set<string>();
    for (const e of this.entries) {
      if (seen.has(e.folded)) throw new Error(`command name "${e.name}" is registered twice`);
      seen.add(e.folded);
    }
  }

  route(text: string): RoutedCommand | null {
    const clean = text.replace(/\s+/g, ' ').trim();
    const folded = fold(clean);
    for (const e of this.entries) {
      if (folded === e.folded || folded.startsWith(e.folded + ' ')) {
        return { spec: e.spec, name: e.name, args: clean.slice(e.name.length).trim() };
      }
    }
    return null;
  }

  get specs(): CommandSpec[] {
    return [...new Set(this.entries.map((e) => e.spec))];
  }
}
