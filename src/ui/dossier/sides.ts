/**
 * Who a quote speaks for, read from the speaker's role as the dataset writes it (English): the pack has no
 * field for it. A role names its side ("President of Russia", "Spokesperson, Ministry of Foreign Affairs of
 * China"); where it names several ("Deputy Permanent Representative of Russia to the UN"), the first named is the
 * one the speaker represents. Order here is the order of the groups on the page. A role no rule knows lands in
 * "other", and a unit test holds every quote of the bundled pack to a named side.
 */
export const sides = [
  { id: 'russia', label: 'dossierSideRussia', pattern: '\\bRussian?\\b|\\bKremlin\\b' },
  { id: 'dprk', label: 'dossierSideDprk', pattern: '\\bNorth Korean?\\b|\\bDPRK\\b' },
  { id: 'rok', label: 'dossierSideRok', pattern: '\\bSouth Korean?\\b' },
  { id: 'us', label: 'dossierSideUs', pattern: '\\bUnited States\\b|\\bWhite House\\b|\\bU\\.?S\\.?(?= |$)' },
  { id: 'japan', label: 'dossierSideJapan', pattern: '\\bJapan(?:ese)?\\b' },
  { id: 'china', label: 'dossierSideChina', pattern: '\\bChina\\b|\\bChinese\\b' },
  { id: 'ukraine', label: 'dossierSideUkraine', pattern: '\\bUkrain(?:e|ian)\\b' },
  { id: 'nato', label: 'dossierSideNato', pattern: '\\bNATO\\b' },
  { id: 'un', label: 'dossierSideUn', pattern: '\\bUN\\b|\\bUnited Nations\\b' },
] as const;

export type SideId = (typeof sides)[number]['id'] | 'other';

const compiled = sides.map((side) => ({ id: side.id, re: new RegExp(side.pattern, 'u') }));

/** The side a role names first, or "other". */
export function sideOf(role: string): SideId {
  let best: { id: SideId; at: number } = { id: 'other', at: Infinity };
  for (const side of compiled) {
    const at = side.re.exec(role)?.index ?? -1;
    if (at >= 0 && at < best.at) best = { id: side.id, at };
  }
  return best.id;
}

export function sideLabel(id: SideId): string {
  return sides.find((side) => side.id === id)?.label ?? 'dossierSideOther';
}
