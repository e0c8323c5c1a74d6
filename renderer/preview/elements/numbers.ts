/** Number handling shared by st.slider and st.number_input. */

/** Decimal places a number is written with: 0.05 → 2, 1e-7 → 7, 3 → 0. */
export function decimals(value: number): number {
  const [mantissa, exponent] = String(value).toLowerCase().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** `value + step`, without binary drift (0.1 + 0.2 stays 0.3), kept within [min, max]. */
export function stepBy(value: number, step: number, min: number | null, max: number | null): number {
  const next = Number((value + step).toFixed(Math.max(decimals(value), decimals(step))));
  return Math.min(max ?? Infinity, Math.max(min ?? -Infinity, next));
}

/**
 * Streamlit's default formats: "%d" for int widgets, "%0.2f" for float ones. Widened when the
 * step is finer than two decimals so a step still shows.
 */
export function formatNumber(value: number, integer: boolean, step: number): string {
  return integer ? String(Math.round(value)) : value.toFixed(Math.max(2, decimals(step)));
}

/**
 * JavaScript has one number type, so a slider counts as an int slider (Python ints) when all of
 * its numbers are whole, which is how Python infers it from the arguments in the common case.
 */
export const allIntegers = (...values: number[]) => values.every(Number.isInteger);
