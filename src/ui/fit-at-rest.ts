/**
 * How many facts stay at rest so that a card overflowing by `overflow` pixels fits, from the bottoms of the facts
 * shown now (in page order): the fewest moved under "More", from the last, and never fewer than one left. Freed
 * height is measured bottom to bottom, so the gaps between facts count as they are laid out.
 */
export function factsThatFit(bottoms: readonly number[], overflow: number): number {
  const shown = bottoms.length;
  if (overflow <= 1 || shown <= 1) return shown;
  const last = bottoms[shown - 1]!;
  let rest = shown - 1;
  while (rest > 1 && last - bottoms[rest - 1]! < overflow - 1) rest--;
  return rest;
}
