import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraft, finalize, isChanged, isDraft } from '../../src-main/store/cow';

interface Line {
  amount: string;
  tags: string[];
}
interface Doc {
  name: string;
  lines: Line[];
  meta: { count: number };
}

function committed(): { doc: Doc; text: string } {
  const doc: Doc = {
    name: 'a',
    lines: [
      { amount: '1', tags: ['x'] },
      { amount: '2', tags: [] },
    ],
    meta: { count: 2 },
  };
  return { doc, text: JSON.stringify(doc) };
}

describe('copy-on-write drafts', () => {
  it('finalizes to the committed object itself when nothing was written', () => {
    const { doc } = committed();
    const draft = createDraft(doc);
    expect(draft.lines[0]?.amount).toBe('1');
    expect(draft.lines.filter((line) => line.amount === '2')).toHaveLength(1);
    expect(isChanged(draft)).toBe(false);
    expect(finalize(draft)).toBe(doc);
  });

  it('copies only the written path and shares the rest', () => {
    const { doc, text } = committed();
    const draft = createDraft(doc);
    const line = draft.lines[1] as Line;
    line.amount = '3';
    const final = finalize(draft);
    expect(JSON.stringify(doc)).toBe(text);
    expect(final).not.toBe(doc);
    expect(final.lines).not.toBe(doc.lines);
    expect(final.lines[0]).toBe(doc.lines[0]);
    expect(final.lines[1]).toEqual({ amount: '3', tags: [] });
    expect(final.meta).toBe(doc.meta);
    expect(isDraft(final.lines[1])).toBe(false);
  });

  it('takes array methods, spreads and Object.assign as writes would', () => {
    const { doc, text } = committed();
    const draft = createDraft(doc);
    draft.lines.push({ ...(draft.lines[0] as Line), amount: '9' });
    Object.assign(draft.meta, { count: 3 });
    draft.lines = draft.lines.filter((line) => line.amount !== '2');
    expect(Array.isArray(draft.lines)).toBe(true);
    const final = finalize(draft);
    expect(JSON.stringify(doc)).toBe(text);
    expect(final).toEqual({
      name: 'a',
      lines: [
        { amount: '1', tags: ['x'] },
        { amount: '9', tags: ['x'] },
      ],
      meta: { count: 3 },
    });
    expect(final.lines[0]).toBe(doc.lines[0]);
    expect(isDraft(final.lines[1]?.tags)).toBe(false);
    expect(final.lines[1]?.tags).toBe(doc.lines[0]?.tags);
  });

  it('copies, in a later draft, an object an earlier draft took in', () => {
    const { doc } = committed();
    const first = createDraft(doc);
    first.lines.push({ amount: '5', tags: [] });
    const committedAfter = finalize(first);
    const text = JSON.stringify(committedAfter);
    const second = createDraft(committedAfter);
    (second.lines[2] as Line).amount = '6';
    const final = finalize(second);
    expect(JSON.stringify(committedAfter)).toBe(text);
    expect(final.lines[2]?.amount).toBe('6');
  });

  it('ends in what the same changes make of a deep copy, whatever they are', () => {
    type Op = { index: number; amount: string } | { remove: number } | { add: string };
    const op = fc.oneof(
      fc.record({ index: fc.nat(5), amount: fc.string() }),
      fc.record({ remove: fc.nat(5) }),
      fc.record({ add: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops: Op[]) => {
        const apply = (target: Doc): void => {
          for (const step of ops) {
            if ('add' in step) target.lines.push({ amount: step.add, tags: [step.add] });
            else if ('remove' in step) target.lines.splice(step.remove, 1);
            else {
              const line = target.lines[step.index];
              if (line) {
                line.amount = step.amount;
                line.tags.push(step.amount);
              }
            }
          }
        };
        const { doc, text } = committed();
        const expected = structuredClone(doc);
        apply(expected);
        const draft = createDraft(doc);
        apply(draft);
        const final = finalize(draft);
        expect(JSON.stringify(doc)).toBe(text);
        expect(final).toEqual(expected);
      }),
    );
  });
});
