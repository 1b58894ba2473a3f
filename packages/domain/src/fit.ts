/**
 * The percentage of fit between a person and a profession, and how it came about.
 *
 * Interests: the profession's RIASEC profile (0–100 per scale) says how much each scale matters to
 * it; each scale weighs its share of the profile's total. On every scale the person loses the gap
 * between their score and the profession's level, in proportion to that weight:
 *   interest fit = 100 − Σ weightₖ · |personₖ − professionₖ|.
 * Profession test: its score (0–100) for that profession, when the person took it.
 * The fit is the weighted mean of what is known: interests 0.6, profession test 0.4 (only one of
 * them known: that one). Without either, there is no fit.
 */
import { RIASEC_SCALES, type RiasecProfile, type RiasecScale } from './profession.ts';
import { SOFT_SKILL_SCALES } from './assessment.ts';

export const FIT_WEIGHTS = { interests: 0.6, professionTest: 0.4 } as const;

/** A person's latest score (0–100) on each scale they have been assessed on. */
export type Profile = Partial<Record<string, number>>;

export type ScaleFit = { scale: RiasecScale; person: number; profession: number; weight: number; loss: number; gain: number };
export type Fit = {
  fit: number;
  interests: number | null;
  professionTest: number | null;
  scales: ScaleFit[];
  /** The scales that carried the fit most and held it down most (for the sentence). */
  drivers: RiasecScale[];
  gaps: RiasecScale[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export const hasInterests = (profile: Profile): boolean => RIASEC_SCALES.every((s) => typeof profile[s] === 'number');

export function professionFit(profile: Profile, profession: RiasecProfile, professionTest: number | null = null): Fit | null {
  const total = RIASEC_SCALES.reduce((sum, s) => sum + profession[s], 0);
  let interests: number | null = null;
  let scales: ScaleFit[] = [];
  if (hasInterests(profile) && total > 0) {
    scales = RIASEC_SCALES.map((scale) => {
      const weight = profession[scale] / total;
      const person = profile[scale]!;
      const loss = weight * Math.abs(person - profession[scale]);
      return { scale, person, profession: profession[scale], weight: round1(weight * 100) / 100, loss: round1(loss), gain: round1(weight * 100 - loss) };
    });
    // From the exact losses: the rounded ones shown per scale need not add up to the total.
    interests = Math.max(
      0,
      Math.min(100, Math.round(100 - RIASEC_SCALES.reduce((sum, s) => sum + (profession[s] / total) * Math.abs(profile[s]! - profession[s]), 0))),
    );
  }
  if (interests === null && professionTest === null) return null;
  const parts = [
    ...(interests === null ? [] : [{ value: interests, weight: FIT_WEIGHTS.interests }]),
    ...(professionTest === null ? [] : [{ value: professionTest, weight: FIT_WEIGHTS.professionTest }]),
  ];
  const fit = Math.round(parts.reduce((s, p) => s + p.value * p.weight, 0) / parts.reduce((s, p) => s + p.weight, 0));
  const byWeight = [...scales].sort((a, b) => b.weight - a.weight || a.scale.localeCompare(b.scale));
  const drivers = byWeight
    .filter((s) => s.gain > 0 && s.weight >= 0.15)
    .sort((a, b) => b.gain - a.gain)
    .slice(0, 2)
    .map((s) => s.scale);
  const gaps = [...scales]
    .filter((s) => s.loss >= 5)
    .sort((a, b) => b.loss - a.loss)
    .slice(0, 2)
    .map((s) => s.scale);
  return { fit, interests, professionTest, scales: byWeight, drivers, gaps };
}

export type ProfessionForFit = { slug: string; riasec: RiasecProfile };

/** Every profession's fit, best first (ties by slug, so the order is stable). */
export function rankProfessions<P extends ProfessionForFit>(
  profile: Profile,
  professions: readonly P[],
  professionTests: ReadonlyMap<string, number> = new Map(),
): Array<{ profession: P } & Fit> {
  return professions
    .flatMap((p) => {
      const fit = professionFit(profile, p.riasec, professionTests.get(p.slug) ?? null);
      return fit ? [{ profession: p, ...fit }] : [];
    })
    .sort((a, b) => b.fit - a.fit || a.profession.slug.localeCompare(b.profession.slug));
}

export type Level = 'low' | 'medium' | 'high';
export const levelOf = (score: number): Level => (score >= 65 ? 'high' : score >= 35 ? 'medium' : 'low');

/**
 * The person in three lines: the interests they lean to (the two highest RIASEC scales at 50 or
 * more), their strengths (soft skills at 65 or more, highest first) and the load they can bear
 * (their stress-tolerance level).
 */
export function describeProfile(profile: Profile): { inclinations: RiasecScale[]; strengths: string[]; load: Level | null } {
  const inclinations = RIASEC_SCALES.filter((s) => (profile[s] ?? -1) >= 50)
    .sort((a, b) => profile[b]! - profile[a]! || a.localeCompare(b))
    .slice(0, 2);
  const strengths = SOFT_SKILL_SCALES.filter((s) => s !== 'stress-tolerance' && (profile[s] ?? -1) >= 65).sort(
    (a, b) => profile[b]! - profile[a]! || a.localeCompare(b),
  );
  const stress = profile['stress-tolerance'];
  return { inclinations, strengths, load: typeof stress === 'number' ? levelOf(stress) : null };
}
