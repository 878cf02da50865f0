// What the bench's tools share (tests/tools/bench.mjs, badge-cost.mjs, core-speed.mjs): their
// command line, and the median they report.

/** The command line's `--name value` pairs, as an object. */
export function options(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1]]] : [])));
}

/** The median of the finite numbers among `xs` (the mean of the middle two, for an even count);
 *  NaN when there is none. */
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
