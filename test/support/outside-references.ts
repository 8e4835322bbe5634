/**
 * Finds what in the repository reaches outside it: a user's clone has nothing beside
 * it, so a file that reads, imports or links a path above the repository's root (or an
 * absolute path on the machine it was written on) breaks there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** Folders that are never part of a checkout, for a tree that is not a git clone. */
const NOT_IN_A_CHECKOUT = new Set(['.git', 'node_modules', 'out', 'dist', 'coverage', '.tmp']);

/** The tracked files (`git ls-files`), or every file of the tree outside a git clone. */
export function repositoryFiles(root: string): string[] {
  if (existsSync(join(root, '.git'))) {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && existsSync(join(root, file)));
  }
  const walk = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) return NOT_IN_A_CHECKOUT.has(entry.name) ? [] : walk(path);
      return entry.isFile() ? [path] : [];
    });
  return walk('');
}

/** A folder beside the repository, by the name it has on the machines the desk is built on. */
const SHARED_FOLDER = /(?:\.\.\/)+shared\b/;
/** An absolute path into those machines' work folder (not a URL's path). */
const MACHINE_PATH = /(?<![\w.:/\\-])\/work(?:\/|\b)/;
/**
 * A relative path (`../x`, `./x`) starting a word or a quoted string, as imports, file
 * reads, scripts and docs write them (Markdown link targets are checked apart).
 */
const RELATIVE_PATH = /(?:^|[\s'"`=:,[]|(?<!\])\()(\.{1,2}\/[^\s'"`),\]]*)/g;
/** A Markdown link or image target that is not a URL or an anchor. */
const MARKDOWN_LINK = /\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/**
 * Marks a line whose path leads outside on purpose — a hostile input a test feeds the
 * desk, such as an upload whose name climbs out of its folder — so the check passes it.
 */
export const ON_PURPOSE = 'outside the repository on purpose';

const isOutside = (root: string, path: string): boolean => {
  const fromRoot = relative(root, path);
  return fromRoot === '..' || fromRoot.startsWith(`..${sep}`);
};

/** What one file's text reaches outside `root`; `file` is relative to `root`. */
export function outsideReferencesIn(root: string, file: string, text: string): OutsideReference[] {
  const folder = dirname(join(root, file));
  const found: OutsideReference[] = [];
  text.split('\n').forEach((lineText, index) => {
    if (lineText.includes(ON_PURPOSE)) return;
    const report = (why: string) =>
      found.push({ file, line: index + 1, text: lineText.trim(), why });
    if (SHARED_FOLDER.test(lineText)) report('names a shared folder beside the repository');
    if (MACHINE_PATH.test(lineText)) report('names an absolute path on the build machine');
    for (const [, path] of lineText.matchAll(RELATIVE_PATH)) {
      if (path !== undefined && isOutside(root, resolve(folder, path))) {
        report(`${path} climbs above the repository's root`);
      }
    }
    if (file.endsWith('.md')) {
      for (const [, target] of lineText.matchAll(MARKDOWN_LINK)) {
        if (target === undefined || URL_SCHEME.test(target)) continue;
        const path = target.startsWith('/') ? join(root, target) : resolve(folder, target);
        if (isOutside(root, path)) report(`links ${target}, above the repository's root`);
        else if (!existsSync(path)) report(`links ${target}, which does not exist`);
      }
    }
  });
  return found;
}

/** Every reference outside `root` in the repository's text files. */
export function outsideReferences(root: string): OutsideReference[] {
  return repositoryFiles(root).flatMap((file) => {
    const bytes = readFileSync(join(root, file));
    if (bytes.includes(0)) return []; // binary: fonts, images
    return outsideReferencesIn(root, file, bytes.toString('utf8'));
  });
}
