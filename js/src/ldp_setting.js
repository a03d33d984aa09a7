// The local differential privacy settings (sdk/anonymise/randomized_response.h): randomized
// response on the tallies a "notice" site sends before the visitor answers. On by default.
//   ldp: 'on' | 'off' (or true / false)
//   ldpEpsilonPerKind: ε for each kind's yes/no answer, in [0.1, 5]
//   ldpEpsilonPerTally: ε for a tally's whole set of answers, spread evenly over the kinds
// A value the core would refuse, or one that rounds to nothing, is said in the console and the
// default used: never exact tallies where the site asked for noise.
import { FRICTION_KINDS, Sizes } from './generated/core_tables.js';
import { log } from './log.js';

export const DEFAULT_LDP_EPSILON = Math.log(3);
export const MIN_EPSILON_PER_KIND = Sizes.minLdpEpsilonThousandths / 1000;
export const MAX_EPSILON_PER_KIND = Sizes.maxLdpEpsilonThousandths / 1000;
const KINDS = FRICTION_KINDS.length;
// As the wire carries it (4 decimals): what the core checks and uses.
const rounded = (epsilon) => Math.round(epsilon * 1e4) / 1e4;
const fallback = `using ldpEpsilonPerKind=${rounded(DEFAULT_LDP_EPSILON)} (ln 3, the default)`;

function perKindFrom(name, value, kinds) {
  const epsilon = Number(value);
  const perKind = rounded(epsilon / kinds);
  if (value !== '' && value !== null && Number.isFinite(epsilon) && perKind >= MIN_EPSILON_PER_KIND && perKind <= MAX_EPSILON_PER_KIND)
    return perKind;
  const min = rounded(MIN_EPSILON_PER_KIND * kinds), max = rounded(MAX_EPSILON_PER_KIND * kinds);
  const why = Number.isFinite(epsilon) && epsilon > 0 && perKind < MIN_EPSILON_PER_KIND
    ? 'answers would be nearly coin flips and no share could be estimated'
    : Number.isFinite(epsilon) && perKind > MAX_EPSILON_PER_KIND
      ? 'answers would be true more than 99 % of the time, which protects no one'
      : 'it is not a number';
  log.warn(`${name}=${JSON.stringify(value)} refused: it must be from ${min} to ${max} (${why}); ${fallback}.`);
  return DEFAULT_LDP_EPSILON;
}

// p = e^ε / (1 + e^ε), the chance an answer is true, as the whole percentage the texts say.
export const truthPercent = (epsilon) => Math.round(100 / (1 + Math.exp(-epsilon)));

// What friction.consent.noise() tells, with the ε the batches carry: null without noise.
export const noiseOf = (epsilonPerKind) => (epsilonPerKind > 0 ? {
  epsilonPerKind: rounded(epsilonPerKind),
  epsilonPerTally: rounded(epsilonPerKind * KINDS),
  truthPercent: truthPercent(epsilonPerKind),
} : null);

// { ldp, ldpEpsilonPerKind, ldpEpsilonPerTally } as given -> the ε per kind the core gets (0: off).
export function ldpEpsilonOf({ ldp, ldpEpsilonPerKind, ldpEpsilonPerTally }) {
  const perKind = ldpEpsilonPerKind != null, perTally = ldpEpsilonPerTally != null;
  if (perKind && perTally) log.warn('ldpEpsilonPerKind and ldpEpsilonPerTally both set: one says the other; using ldpEpsilonPerKind.');
  if ((perKind || perTally) && (ldp === false || ldp === 'off'))
    log.warn('ldp=off beside an epsilon: the epsilon asks for noise, so ldp stays on.');
  if (perKind) return perKindFrom('ldpEpsilonPerKind', ldpEpsilonPerKind, 1);
  if (perTally) return perKindFrom('ldpEpsilonPerTally', ldpEpsilonPerTally, KINDS);
  if (ldp == null || ldp === true || ldp === 'on' || ldp === '') return DEFAULT_LDP_EPSILON;
  if (ldp === false || ldp === 'off') return 0;
  if (Number.isFinite(Number(ldp))) {
    // The form of earlier versions: a bare number is ambiguous, so it is said which one it is.
    log.warn(`ldp=${JSON.stringify(ldp)} is read as ldpEpsilonPerKind=${JSON.stringify(ldp)}; name it so (or use ldpEpsilonPerTally).`);
    return perKindFrom('ldpEpsilonPerKind', ldp, 1);
  }
  log.warn(`ldp ${JSON.stringify(ldp)} must be on or off; ${fallback}.`);
  return DEFAULT_LDP_EPSILON;
}
