import { describe, expect, it } from 'vitest';
import { canPick, pickProperties } from '../../src-main/usage/properties';
import { decodeRatedEvents } from '../../src-main/usage/segment';

const names = new Set(['user_id', 'amount']);

/** What reading the whole object and keeping the names gives. */
function expected(json: string): Record<string, unknown> {
  const all = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(
    [...names].filter((n) => Object.hasOwn(all, n)).map((n) => [n, all[n]]),
  );
}

function parseError(json: string): string {
  try {
    JSON.parse(json);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${json} is JSON`);
}

/** The properties as they sit at the end of a segment line, after other text. */
function picked(json: string): unknown {
  const line = `\te1\torg\tseats\t1\t0\t\t${json}`;
  return pickProperties(line, line.length - json.length, line.length, names);
}

describe('picking properties out of stored JSON', () => {
  it('reads what the importer writes as JSON.parse does, keeping only the names asked for', () => {
    const texts = [
      '{"user_id":"u18","amount":"119.96"}',
      '{"amount":"0.5","user_id":"u1","region":"eu"}',
      '{"region":"eu"}',
      '{}',
      '{"user_id":"","amount":""}',
      // Numbers in every form JSON.stringify writes, and some it never does.
      '{"amount":12}',
      '{"amount":-0}',
      '{"amount":0.1,"user_id":7}',
      '{"amount":1e+21}',
      '{"amount":1.5E-7}',
      '{"amount":123456789012345678901234567890}',
      '{"amount":1e400}',
      // A repeated key: the last one counts.
      '{"amount":"1","amount":"2"}',
      // Escapes, white space, nesting and other values: JSON.parse decides.
      '{"user_id":"a\\"b","amount":"1"}',
      '{"user_id":"caf\\u00e9"}',
      '{"us\\u0065r_id":"u2"}',
      '{"user_id":"tab\\there"}',
      '{ "user_id" : "u3" }',
      '{"meta":{"amount":"9"},"amount":"3"}',
      '{"amount":true,"user_id":null}',
      '{"amount":[1,2]}',
      // A long value, kept as its own string.
      '{"user_id":"6f1c2d9e-3b4a-4c1d-9e8f-0a1b2c3d4e5f"}',
      '{"user_id":"é✓ 𝄞"}',
    ];
    for (const json of texts) expect(picked(json), json).toEqual(expected(json));
  });

  it('fails on what is no JSON with the error JSON.parse gives', () => {
    const invalid = [
      '{"amount":01}',
      '{"amount":1.}',
      '{"amount":.5}',
      '{"amount":-}',
      '{"amount":1,}',
      '{amount:1}',
      '{"amount":"1"',
      // A raw control character, which JSON writes escaped.
      `{"user_id":"${String.fromCharCode(1)}"}`,
    ];
    for (const json of invalid) {
      expect(() => picked(json), json).toThrow(parseError(json));
    }
  });

  it('gives what JSON.parse gives when that is no object', () => {
    expect(picked('5')).toBe(5);
    expect(picked('"x"')).toBe('x');
    expect(picked('null')).toBe(null);
  });

  it('reads every property when a name cannot be picked by assignment', () => {
    expect(canPick(new Set(['__proto__']))).toBe(false);
    const line = '\te1\torg\tseats\t1\t0\t\t{"__proto__":"u1","amount":"2"}';
    const [event] = decodeRatedEvents(line, 'f.tsv', 1, {
      propertyNames: new Set(['__proto__']),
    });
    expect(Object.hasOwn(event?.properties ?? {}, '__proto__')).toBe(true);
    expect(event?.properties).toEqual(JSON.parse('{"__proto__":"u1","amount":"2"}'));
  });

  it('decodes segment lines with only the names asked for, for the meters asked for', () => {
    const text =
      '\te1\torg\tseats\t1\t0\t\t{"user_id":"u1","amount":"2"}\n' +
      '\te2\torg\tapi\t1\t0\t\t{"user_id":"u2"}\n' +
      '\te3\torg\tseats\t1\t0\t\t\n';
    expect(
      decodeRatedEvents(text, 'f.tsv', 1, {
        propertiesOf: new Set(['seats']),
        propertyNames: new Set(['user_id']),
      }).map((e) => e.properties),
    ).toEqual([{ user_id: 'u1' }, {}, {}]);
  });
});
