/**
 * How hard a new password is to guess, estimated by zxcvbn (@zxcvbn-ts/core with its common-password
 * and English dictionaries), checked the same way in the backend (which decides) and in the form
 * (which says it live while the clinician types). A score below 3 ("safely unguessable: moderate
 * protection from an offline attack", about 10^8 guesses and more) is refused, with why and what to
 * do in plain words.
 *
 * The dictionaries are several megabytes: they are loaded on first use (a separate chunk in the
 * renderer, fetched only by the screens that set a password), and built once per process.
 *
 * The clinician's name, the clinic's name and the app's name count as guessable words (zxcvbn's
 * "user inputs"), and so do a few passphrases made famous as examples (xkcd's "correct horse
 * battery staple"). The estimate is also made with spaces and punctuation taken out, so "correct
 * horse battery staple" is seen as the famous phrase it is.
 */
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';
import type { PasswordContext } from './password';

/** Scores 0 to 4; below this is refused. */
export const MIN_PASSWORD_SCORE = 3;

const FAMOUS = 'famous-passphrases';

/** Passphrases published as examples of good ones: every attacker's list has them. */
const FAMOUS_PASSPHRASES = [
  'correcthorsebatterystaple',
  'tr0ub4dor&3',
  'troubadour',
  'thequickbrownfoxjumpsoverthelazydog',
  'letmein',
  'iloveyou',
  'trustno1',
];

/** Words anyone would try first against this app's records. */
const APP_WORDS = ['stride', 'stride clinic', 'strideclinic', 'physio', 'physiotherapy', 'physiotherapist', 'clinic'];

/** zxcvbn's feedback, in the app's own words: what made it guessable. */
const WARNINGS = {
  straightRow: 'It uses a straight row of keys on the keyboard.',
  keyPattern: 'It uses a short keyboard pattern.',
  simpleRepeat: 'It repeats the same character, like "aaa".',
  extendedRepeat: 'It repeats a pattern, like "abcabcabc".',
  sequences: 'It uses a sequence, like "abc" or "1234".',
  recentYears: 'It uses a recent year.',
  dates: 'It uses a date.',
  topTen: 'It is one of the ten passwords people use most.',
  topHundred: 'It is one of the passwords people use most.',
  common: 'It is a commonly used password.',
  similarToCommon: 'It is very like a commonly used password.',
  wordByItself: 'A single word is quickly guessed.',
  namesByThemselves: 'A name on its own is quickly guessed.',
  commonNames: 'It is built from common names.',
  userInputs: 'It is built from your name, the clinic’s name or the app’s name.',
  pwned: 'It has been exposed in a data breach.',
};

/** And what to do about it. */
const SUGGESTIONS = {
  l33t: 'Swapping letters for look-alikes (@ for a, 0 for o) does not help.',
  reverseWords: 'Writing a word backwards does not help.',
  allUppercase: 'Capital letters alone do not help.',
  capitalization: 'A capital first letter does not help.',
  dates: 'Leave out dates and years that have to do with you.',
  recentYears: 'Leave out recent years.',
  associatedYears: 'Leave out years that have to do with you.',
  sequences: 'Leave out sequences like "abc" or "123".',
  repeated: 'Leave out repeated words and characters.',
  longerKeyboardPattern: 'Leave out keyboard patterns.',
  anotherWord: 'Add another word or two that are not often used together.',
  useWords: 'Use four or more words that do not belong together, like a short odd sentence.',
  noNeed: 'You do not need symbols, digits or capitals: more unusual words are what count.',
  pwned: 'Do not use a password you have used anywhere else.',
};

const TIME_WORDS = {
  ltSecond: 'less than a second',
  second: '{base} second',
  seconds: '{base} seconds',
  minute: '{base} minute',
  minutes: '{base} minutes',
  hour: '{base} hour',
  hours: '{base} hours',
  day: '{base} day',
  days: '{base} days',
  month: '{base} month',
  months: '{base} months',
  year: '{base} year',
  years: '{base} years',
  centuries: 'centuries',
};

let estimator: Promise<ZxcvbnFactory> | null = null;

/** The estimator, built on first use from lazily loaded dictionaries. */
export function loadPasswordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: { warnings: WARNINGS, suggestions: SUGGESTIONS, timeEstimation: TIME_WORDS },
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary, [FAMOUS]: FAMOUS_PASSPHRASES },
      }),
  );
  return estimator;
}

function userInputs(context: PasswordContext): string[] {
  const words: string[] = [...APP_WORDS];
  for (const name of [context.clinicianName, context.clinicName]) {
    const trimmed = name?.trim().toLowerCase();
    if (!trimmed) continue;
    words.push(trimmed, trimmed.replace(/[^\p{L}\p{N}]+/gu, ''));
    words.push(...trimmed.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
  }
  return [...new Set(words)];
}

/** The weaker of the two readings: as typed, and with spaces and punctuation taken out. */
function weakest(zxcvbn: ZxcvbnFactory, password: string, inputs: string[]): ZxcvbnResult {
  const typed = zxcvbn.check(password, inputs);
  const squeezed = password.replace(/[\s\p{P}]+/gu, '');
  if (squeezed === password || squeezed.length < 4) return typed;
  const joined = zxcvbn.check(squeezed, inputs);
  return joined.score < typed.score ? joined : typed;
}

/** Length limits alone (no dictionaries needed): null when the length is acceptable. */
export function passwordLengthProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters. A short odd sentence is easy to remember and hard to guess.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

export interface PasswordVerdict {
  /** 0 (guessed at once) to 4 (very hard to guess); null when the length alone refuses it. */
  score: number | null;
  /** What to change, in plain words; null when the password is accepted. */
  problem: string | null;
}

/** Whether a new password is hard enough to guess, and if not why and what to do. */
export async function checkPasswordStrength(password: string, context: PasswordContext = {}): Promise<PasswordVerdict> {
  const length = passwordLengthProblem(password);
  if (length) return { score: null, problem: length };
  const zxcvbn = await loadPasswordEstimator();
  const result = weakest(zxcvbn, password, userInputs(context));
  if (result.score >= MIN_PASSWORD_SCORE) return { score: result.score, problem: null };
  const famous = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === FAMOUS);
  const why = famous
    ? 'It is a well-known example password, one of the first that anyone tries.'
    : (result.feedback.warning ?? 'It would be guessed too quickly.');
  const fix = result.feedback.suggestions.length > 0 ? result.feedback.suggestions : [SUGGESTIONS.useWords];
  if (!fix.includes(SUGGESTIONS.useWords) && !fix.includes(SUGGESTIONS.anotherWord)) fix.push(SUGGESTIONS.anotherWord);
  return { score: result.score, problem: `This password is too easy to guess. ${why} ${fix.join(' ')}` };
}

/** Null when the password is acceptable, otherwise what to change, in plain words. */
export async function passwordStrengthProblem(password: string, context: PasswordContext = {}): Promise<string | null> {
  return (await checkPasswordStrength(password, context)).problem;
}
