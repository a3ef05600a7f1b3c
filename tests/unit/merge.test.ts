import { describe, expect, it } from 'vitest';
import { getAt, merge3, setAt } from '../../utils/merge';

describe('merge3', () => {
  it('keeps what each side changed in different places', () => {
    const base = { a: 'x', b: 'y', nested: { c: 1, d: 2 } };
    const mine = { a: 'mine', b: 'y', nested: { c: 1, d: 3 } };
    const theirs = { a: 'x', b: 'theirs', nested: { c: 5, d: 2 } };
    expect(merge3(base, mine, theirs)).toEqual({
      value: { a: 'mine', b: 'theirs', nested: { c: 5, d: 3 } },
      conflicts: [],
    });
  });

  it('a value both changed differently: the preferred side kept, the other in the conflict', () => {
    const base = { review: 'old' };
    const m = merge3(base, { review: 'mine' }, { review: 'theirs' }, 'mine');
    expect(m.value.review).toBe('mine');
    expect(m.conflicts).toEqual([{ path: ['review'], kept: 'mine', other: 'theirs' }]);
    const t = merge3(base, { review: 'mine' }, { review: 'theirs' }, 'theirs');
    expect(t.value.review).toBe('theirs');
    expect(t.conflicts).toEqual([{ path: ['review'], kept: 'theirs', other: 'mine' }]);
  });

  it('the same change on both sides is no conflict', () => {
    expect(merge3({ s: 1 }, { s: 2 }, { s: 2 }).conflicts).toEqual([]);
  });

  it('lists of items with ids merge item by item: adds on both sides, edits of different items', () => {
    const base = {
      qs: [
        { id: 'q1', text: 'one' },
        { id: 'q2', text: 'two' },
      ],
    };
    const mine = {
      qs: [
        { id: 'q1', text: 'ONE' },
        { id: 'q2', text: 'two' },
        { id: 'q3', text: 'mine new' },
      ],
    };
    const theirs = {
      qs: [
        { id: 'q1', text: 'one' },
        { id: 'q2', text: 'TWO' },
        { id: 'q4', text: 'their new' },
      ],
    };
    const { value, conflicts } = merge3(base, mine, theirs);
    expect(conflicts).toEqual([]);
    // Each side's new item after its neighbour.
    expect(value.qs.map((q) => q.text)).toEqual(['ONE', 'TWO', 'mine new', 'their new']);
  });

  it('two items added under one id are both kept: the preferred side’s gets a new id', () => {
    const base = { qs: [{ id: 'q1', text: 'one' }] };
    const mine = { qs: [...base.qs, { id: 'q2', text: 'mine' }] };
    const theirs = { qs: [...base.qs, { id: 'q2', text: 'theirs' }] };
    const { value, conflicts } = merge3(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(value.qs).toEqual([
      { id: 'q1', text: 'one' },
      { id: 'q3', text: 'mine' },
      { id: 'q2', text: 'theirs' },
    ]);
  });

  it('an item deleted on one side and edited on the other stays, and the deletion is noted', () => {
    const base = {
      qs: [
        { id: 'q1', text: 'one' },
        { id: 'q2', text: 'two' },
      ],
    };
    const mine = { qs: [{ id: 'q2', text: 'two' }] };
    const theirs = {
      qs: [
        { id: 'q1', text: 'one, edited' },
        { id: 'q2', text: 'two' },
      ],
    };
    const { value, conflicts } = merge3(base, mine, theirs);
    expect(value.qs.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(conflicts).toEqual([
      { path: ['qs', { id: 'q1' }], kept: { id: 'q1', text: 'one, edited' }, other: undefined },
    ]);
    // Deleted on one side, untouched on the other: gone.
    expect(merge3(base, mine, base).value.qs.map((q) => q.id)).toEqual(['q2']);
  });

  it('a reorder on one side is kept with the other side’s edits', () => {
    const base = {
      qs: [
        { id: 'a', t: 1 },
        { id: 'b', t: 2 },
        { id: 'c', t: 3 },
      ],
    };
    const mine = { qs: [base.qs[2]!, base.qs[0]!, base.qs[1]!] };
    const theirs = { qs: [base.qs[0]!, { id: 'b', t: 20 }, base.qs[2]!] };
    expect(merge3(base, mine, theirs).value.qs).toEqual([
      { id: 'c', t: 3 },
      { id: 'a', t: 1 },
      { id: 'b', t: 20 },
    ]);
  });

  it('a conflict deep in a list names the item by id', () => {
    const base = { rounds: [{ id: 'r1', questions: [{ id: 'q1', text: 'x' }] }] };
    const mine = { rounds: [{ id: 'r1', questions: [{ id: 'q1', text: 'mine' }] }] };
    const theirs = { rounds: [{ id: 'r1', questions: [{ id: 'q1', text: 'theirs' }] }] };
    const { conflicts } = merge3(base, mine, theirs);
    expect(conflicts[0]!.path).toEqual(['rounds', { id: 'r1' }, 'questions', { id: 'q1' }, 'text']);
    expect(getAt(theirs, conflicts[0]!.path)).toBe('theirs');
    setAt(mine, conflicts[0]!.path, 'chosen');
    expect(mine.rounds[0]!.questions[0]!.text).toBe('chosen');
  });
});
