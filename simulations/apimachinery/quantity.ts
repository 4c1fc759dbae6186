// Kubernetes resource quantities, as apimachinery parses and prints them.
// src: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity,
// CanonicalizeBytes, MilliValue, Value), suffix.go, amount.go.
//
// Grammar (quantity.go):
//   <quantity>        ::= <signedNumber><suffix>
//   <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
//   <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
//   <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
//   <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
//   <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>
//
// Values are kept exactly as `coefficient × 10^exponent` with a BigInt
// coefficient, so `1.5Gi`, `0.1` and `1e3` never suffer floating-point error.
// Like upstream, anything finer than 10^-9 is rounded up (away from zero).

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** apimachinery's ErrFormatWrong text, so messages read like the API server's. */
export const QUANTITY_FORMAT_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export class QuantityError extends Error {
  override readonly name = 'QuantityError';
}

const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_SUFFIX_BY_POWER = new Map(Object.entries(BINARY_SUFFIXES).map(([s, p]) => [p, s]));

// Upstream's inf.Dec accepts any size; we bound digits and exponents so a
// hostile "1e999999" cannot make us build an enormous BigInt.
const MAX_DIGITS = 40;
const MAX_EXPONENT = 60;
const NANO_EXPONENT = -9;

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 0) throw new RangeError('negative power');
  return (pow10Cache[n] ??= 10n ** BigInt(n));
}

const PARSED = new Map<string, Quantity>();
const PARSED_MAX = 10_000;

/**
 * An exact resource quantity.
 *
 * @example
 *   Quantity.parse('1.5Gi').value()        // 1610612736
 *   Quantity.parse('250m').milliValue()    // 250
 *   Quantity.parse('1.5Gi').toString()     // '1536Mi' (canonical form)
 *   Quantity.parse('1e3').toString()       // '1e3'
 */
export class Quantity {
  private constructor(
    /** value = coefficient × 10^exponent */
    readonly coefficient: bigint,
    readonly exponent: number,
    readonly format: QuantityFormat,
  ) {}

  /** Parses a quantity string, or a number as it appears in JSON (`cpu: 2`). */
  static parse(input: string | number): Quantity {
    // A Quantity never changes, and a cluster repeats the same few strings ("100m", "500Mi")
    // in every object it decodes, defaults and validates: each is parsed once.
    if (typeof input === 'string') {
      const known = PARSED.get(input);
      if (known !== undefined) return known;
      const parsed = Quantity.parseText(input);
      if (PARSED.size >= PARSED_MAX) PARSED.clear();
      PARSED.set(input, parsed);
      return parsed;
    }
    return Quantity.parseText(input);
  }

  private static parseText(input: string | number): Quantity {
    const text = typeof input === 'number' ? numberToQuantityText(input) : input;
    if (typeof text !== 'string' || text.length === 0) throw new QuantityError('quantities must not be empty');
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text);
    if (!match) throw new QuantityError(QUANTITY_FORMAT_MESSAGE);
    const [, sign, whole, fraction = '', suffix] = match;
    if (whole === '' && fraction === '') throw new QuantityError(QUANTITY_FORMAT_MESSAGE);
    const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
    if (digits.length > MAX_DIGITS) throw new QuantityError(`quantity ${text} has too many digits`);
    let coefficient = BigInt(digits === '' ? '0' : digits);
    let exponent = -fraction.length;
    let format: QuantityFormat;
    if (suffix in BINARY_SUFFIXES) {
      format = 'BinarySI';
      coefficient <<= BigInt(BINARY_SUFFIXES[suffix]);
    } else if (suffix in DECIMAL_SUFFIXES) {
      format = 'DecimalSI';
      exponent += DECIMAL_SUFFIXES[suffix];
    } else if (/^[eE][+-]?\d+$/.test(suffix)) {
      format = 'DecimalExponent';
      const e = Number(suffix.slice(1));
      if (Math.abs(e) > MAX_EXPONENT) throw new QuantityError(`quantity ${text} is too large or too small`);
      exponent += e;
    } else {
      throw new QuantityError(QUANTITY_FORMAT_MESSAGE);
    }
    if (exponent > MAX_EXPONENT) throw new QuantityError(`quantity ${text} is too large`);
    let q = Quantity.normalized(coefficient, exponent, format);
    if (format === 'BinarySI') {
      // quantity.go ParseQuantity: "The max is just a simple cap" for BinarySI, and a
      // BinarySI value between 0 and 1 switches to DecimalSI ("avoids rounding and hopefully confusion").
      if (q.cmp(MAX_ALLOWED) > 0) q = new Quantity(MAX_ALLOWED.coefficient, 0, 'BinarySI');
      else if (q.cmp(ONE) < 0 && q.sign() > 0) q = new Quantity(q.coefficient, q.exponent, 'DecimalSI');
    }
    if (sign === '-') q = new Quantity(-q.coefficient, q.exponent, q.format);
    return q;
  }

  /** A quantity with the exact value coefficient × 10^exponent (for tests and engines). */
  static of(coefficient: bigint | number, exponent: number, format: QuantityFormat): Quantity {
    return Quantity.normalized(BigInt(coefficient), exponent, format);
  }

  /** Like `parse`, but returns undefined instead of throwing. */
  static tryParse(input: unknown): Quantity | undefined {
    if (typeof input !== 'string' && typeof input !== 'number') return undefined;
    try {
      return Quantity.parse(input);
    } catch {
      return undefined;
    }
  }

  /** A quantity of `value` base units (bytes, cores), like resource.NewQuantity. */
  static fromInteger(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return Quantity.normalized(BigInt(value), 0, format);
  }

  /** A quantity of `milli` thousandths, like resource.NewMilliQuantity. */
  static fromMilli(milli: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return Quantity.normalized(BigInt(milli), -3, format);
  }

  private static normalized(coefficient: bigint, exponent: number, format: QuantityFormat): Quantity {
    // Round anything finer than nano up, away from zero (quantity.go ParseQuantity).
    if (exponent < NANO_EXPONENT) {
      const divisor = pow10(NANO_EXPONENT - exponent);
      const negative = coefficient < 0n;
      const magnitude = negative ? -coefficient : coefficient;
      let q = magnitude / divisor;
      if (q * divisor !== magnitude) q += 1n;
      coefficient = negative ? -q : q;
      exponent = NANO_EXPONENT;
    }
    if (coefficient === 0n) return new Quantity(0n, 0, format);
    while (coefficient % 10n === 0n) {
      coefficient /= 10n;
      exponent += 1;
    }
    return new Quantity(coefficient, exponent, format);
  }

  isZero(): boolean {
    return this.coefficient === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.coefficient === 0n ? 0 : this.coefficient < 0n ? -1 : 1;
  }

  /** The value scaled by 10^-scale, rounded up away from zero (Quantity.ScaledValue). */
  scaledValue(scale: number): bigint {
    const shift = this.exponent - scale;
    if (shift >= 0) return this.coefficient * pow10(shift);
    const divisor = pow10(-shift);
    const negative = this.coefficient < 0n;
    const magnitude = negative ? -this.coefficient : this.coefficient;
    let q = magnitude / divisor;
    if (q * divisor !== magnitude) q += 1n;
    return negative ? -q : q;
  }

  /** Whole base units, rounded up: bytes for memory (Quantity.Value). */
  value(): number {
    return Number(this.scaledValue(0));
  }

  /** Thousandths, rounded up: millicores for cpu (Quantity.MilliValue). */
  milliValue(): number {
    return Number(this.scaledValue(-3));
  }

  /** Compares exact values: -1, 0 or 1 (Quantity.Cmp). */
  cmp(other: Quantity): -1 | 0 | 1 {
    const e = Math.min(this.exponent, other.exponent);
    const a = this.coefficient * pow10(this.exponent - e);
    const b = other.coefficient * pow10(other.exponent - e);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  /** The canonical string, as Quantity.String() prints it. */
  toString(): string {
    return canonicalize(this.coefficient, this.exponent, this.format);
  }

  toJSON(): string {
    return this.toString();
  }
}

// quantity.go: maxAllowed = infDecAmount{inf.NewDec((1<<63)-1, 0)}
const MAX_ALLOWED = Quantity.of(2n ** 63n - 1n, 0, 'DecimalSI');
const ONE = Quantity.of(1n, 0, 'DecimalSI');

/** apimachinery prints quantities via CanonicalizeBytes. */
function canonicalize(coefficient: bigint, exponent: number, requested: QuantityFormat): string {
  if (coefficient === 0n) return '0';
  let format = requested;
  if (format === 'BinarySI') {
    const isInteger = exponent >= 0;
    const small = exponent <= 3 && (coefficient * pow10(Math.max(exponent, 0)) < 1024n && coefficient * pow10(Math.max(exponent, 0)) > -1024n);
    // "This avoids rounding and hopefully confusion, too." Values within
    // (-1024, 1024), and values that are not whole, print as DecimalSI.
    if (!isInteger || small) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = coefficient * pow10(exponent);
    let power = 0;
    while (power < 60 && amount % 1024n === 0n) {
      amount /= 1024n;
      power += 10;
    }
    return `${amount}${BINARY_SUFFIX_BY_POWER.get(power) ?? ''}`;
  }
  // AsCanonicalBytes: make the exponent a multiple of 3 by scaling the mantissa up.
  let amount = coefficient;
  let exp = exponent;
  const rem = ((exp % 3) + 3) % 3;
  if (rem !== 0) {
    amount *= pow10(rem);
    exp -= rem;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${amount}` : `${amount}e${exp}`;
  // DecimalSI has suffixes from n (1e-9) to E (1e18); beyond E, upstream falls back to an exponent.
  const suffix = DECIMAL_SUFFIX_BY_EXPONENT.get(exp);
  if (suffix !== undefined) return `${amount}${suffix}`;
  // quantity_test.go TestQuantityString: "DecimalSI has no suffix beyond E (10^18).
  // Larger exponents must fall back to exponent notation" (1e21, not 1000E).
  return `${amount}e${exp}`;
}

/** JSON numbers in manifests are read as quantities the way Quantity.UnmarshalJSON does. */
function numberToQuantityText(n: number): string {
  if (!Number.isFinite(n)) throw new QuantityError(QUANTITY_FORMAT_MESSAGE);
  // JavaScript prints 1e21 as "1e+21", which the grammar accepts.
  return String(n);
}

/**
 * Parses a quantity field, returning undefined when absent. Convenience for
 * engines: `quantityOf(resources.limits?.memory)`.
 */
export function quantityOf(value: unknown): Quantity | undefined {
  if (value === undefined || value === null) return undefined;
  return Quantity.parse(value as string | number);
}

/** Formats bytes the way `resource.NewQuantity(n, resource.BinarySI).String()` does, e.g. 3782713344 → "3694056Ki". */
export function formatBinarySI(bytes: number | bigint): string {
  return Quantity.fromInteger(bytes, 'BinarySI').toString();
}

/** Formats a plain number the way `resource.NewQuantity(n, resource.DecimalSI).String()` does, e.g. 2000 → "2k". */
export function formatDecimalSI(value: number | bigint): string {
  return Quantity.fromInteger(value, 'DecimalSI').toString();
}
