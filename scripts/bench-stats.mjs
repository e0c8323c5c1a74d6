// The statistics the benchmarks share: medians and percentile-bootstrap intervals over paired trips.

export function median(xs) {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median and its 95% percentile-bootstrap interval (resampling the pairs). */
export function summarize(xs) {
  const medians = [];
  for (let i = 0; i < 4000; i++) medians.push(median(xs.map(() => xs[Math.floor(Math.random() * xs.length)])));
  medians.sort((a, b) => a - b);
  return { median: median(xs), interval: [medians[Math.floor(medians.length * 0.025)], medians[Math.ceil(medians.length * 0.975) - 1]] };
}
