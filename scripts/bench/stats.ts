/** Small statistics and table printing shared by the benchmark's sections. */

/** Nearest rank: p95 of 20 runs is the 19th. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits).padStart(6) : '     -');
/** Bytes as KB with one decimal. */
export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** Prints rows as a table; a row with nothing but its first cell is a note, printed as it is. */
export function printTable(rows: string[][]): void {
  const isNote = (r: string[]) => r.slice(1).every((c) => c === '') && r !== rows[0];
  const table = rows.filter((r) => !isNote(r));
  const widths = rows[0]!.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  for (const r of rows) {
    console.log(
      isNote(r)
        ? r[0]!
        : r
            .map((cell, c) => (c === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[c]!)))
            .join('  ')
            .trimEnd(),
    );
  }
}
