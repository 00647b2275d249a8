import { describe, expect, it } from 'vitest';
import { factsThatFit } from './fit-at-rest';

// Three facts of 40 px each with 8 px between them: bottoms at 140, 188 and 236.
const bottoms = [140, 188, 236];

describe('facts kept at rest in a card short of room', () => {
  it('keeps every fact when nothing overflows (a pixel of rounding included)', () => {
    expect(factsThatFit(bottoms, 0)).toBe(3);
    expect(factsThatFit(bottoms, 1)).toBe(3);
  });

  it('moves only the last fact when it frees enough', () => {
    expect(factsThatFit(bottoms, 30)).toBe(2);
    expect(factsThatFit(bottoms, 48)).toBe(2);
  });

  it('moves two when the last one and its gap are not enough', () => {
    expect(factsThatFit(bottoms, 50)).toBe(1);
  });

  it('never leaves fewer than one, however short the room', () => {
    expect(factsThatFit(bottoms, 500)).toBe(1);
    expect(factsThatFit([140], 500)).toBe(1);
    expect(factsThatFit([], 500)).toBe(0);
  });
});
