/** The hooks the bench reads (services/test-hooks.ts): an array there from the start, kept in place, capped. */
import { expect, it } from 'vitest';
import { HOOKS, latencyRecorder } from '../../services/test-hooks';

const figures = () => (globalThis as unknown as Record<string, number[]>)[HOOKS.draftSaves];

it('keeps latencies in one global array, there before the first figure and emptied in place by the bench', () => {
  const record = latencyRecorder('draftSaves');
  const array = figures();
  expect(array).toEqual([]);
  record(12);
  record(3.5);
  expect(figures()).toEqual([12, 3.5]);
  array.length = 0; // as scripts/bench/popup.ts does before a run
  record(7);
  expect(figures()).toBe(array);
  expect(array).toEqual([7]);
  // A second page module (another recorder) shares the array.
  latencyRecorder('draftSaves')(8);
  expect(array).toEqual([7, 8]);
});

it('keeps the first 1000 figures only', () => {
  const record = latencyRecorder('recordSaves');
  for (let i = 0; i < 1200; i++) record(i);
  const array = (globalThis as unknown as Record<string, number[]>)[HOOKS.recordSaves];
  expect(array).toHaveLength(1000);
  expect(array.at(-1)).toBe(999);
});
