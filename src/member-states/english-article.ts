// English prose names some states with "the": "the delegation of the United Arab Emirates", never "of
// United Arab Emirates" (UN usage: names that are a union, a plural or a descriptive title). Tables and
// lists print the bare name. A name typed for a new state follows the same rule.
const WITH_THE = /^(United |Union of |Kingdom of |Republic of |State of |Sultanate of |Islamic Republic )|(Emirates|Comoros|Islands|Maldives|Philippines|Netherlands|Bahamas|Gambia)$/u;

/** The state's English name as it reads inside a sentence. */
export function englishStateInProse(name: string): string {
  return WITH_THE.test(name) && !/^the /iu.test(name) ? `the ${name}` : name;
}
