/**
 * The project stands alone: a user's clone has nothing beside it, so no tracked file
 * (code, tests, docs, config, scripts) may read, import or link a path outside it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ON_PURPOSE, outsideReferences, outsideReferencesIn } from '../support/outside-references';

const ROOT = join(import.meta.dirname, '../..');
/** Built from parts, so this file does not itself hold what it looks for. */
const SHARED = ['..', 'shared'].join('/');
const MACHINE = ['', 'work', 'shared'].join('/');
const UP = '../';

describe('the repository', () => {
  it('reaches nothing outside itself', () => {
    expect(outsideReferences(ROOT)).toEqual([]);
  });
});

describe('the outside-reference check', () => {
  const check = (file: string, text: string) =>
    outsideReferencesIn(ROOT, file, text).map(({ line, why }) => ({ line, why }));

  it('finds an import or a read that climbs above the root', () => {
    expect(
      check(
        'test/billing/x.test.ts',
        `import { a } from '${UP.repeat(3)}outside/a';\nconst b = 1;`,
      ),
    ).toEqual([{ line: 1, why: `${UP.repeat(3)}outside/a climbs above the repository's root` }]);
    expect(
      check('test/x.test.ts', `join(import.meta.dirname, "${UP.repeat(2)}elsewhere")`),
    ).toHaveLength(1);
  });

  it('finds a script argument that climbs above the root', () => {
    expect(check('package.json', `"fixtures": "cp -r ${UP.repeat(2)}data test/fixtures",`)).toEqual(
      [{ line: 1, why: `${UP.repeat(2)}data climbs above the repository's root` }],
    );
    expect(check('.ci/run', `cd "$(dirname "$0")/.."`)).toEqual([]);
  });

  it('passes a line marked as leading outside on purpose', () => {
    const hostile = `upload('${UP.repeat(3)}etc/passwd')`;
    expect(check('test/api/x.test.ts', hostile)).toHaveLength(1);
    expect(check('test/api/x.test.ts', `${hostile}; // ${ON_PURPOSE}: a hostile name`)).toEqual([]);
  });

  it('accepts relative paths that stay inside', () => {
    expect(check('test/billing/x.test.ts', `import { a } from '../../src-main/a';`)).toEqual([]);
    expect(
      check('README.md', 'See [billing](docs/billing.md) and [site](https://a.example/b).'),
    ).toEqual([]);
  });

  it('finds the shared folder and absolute machine paths, in any file', () => {
    expect(check('docs/x.md', `The rules are in \`${SHARED}/spec\`.`)).toEqual([
      { line: 1, why: 'names a shared folder beside the repository' },
    ]);
    expect(check('package.json', `"x": "cat ${MACHINE}/a"`)).toEqual([
      { line: 1, why: 'names an absolute path on the build machine' },
    ]);
    expect(check('test/x.test.ts', `fetch('https://host.example/work/a')`)).toEqual([]);
  });

  it('finds Markdown links above the root or to nothing', () => {
    expect(check('docs/x.md', 'the [spec](../../spec/billing.md)')).toEqual([
      { line: 1, why: "links ../../spec/billing.md, above the repository's root" },
    ]);
    expect(check('docs/x.md', 'the [rules](rules.md#money)')).toEqual([
      { line: 1, why: 'links rules.md, which does not exist' },
    ]);
  });
});
