/** A number of bytes as people read it: 45 KB, 1.2 MB, 10 GB (powers of 1024, one decimal below 10). */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
export type ByteUnit = (typeof BYTE_UNITS)[number];

/** `bytes` in the largest unit that keeps it at 1 or more: `{value: 1.2, unit: 'MB'}`. */
export function byteSize(bytes: number): { value: number; unit: ByteUnit } {
  let value = Math.max(0, Number.isFinite(bytes) ? bytes : 0);
  let i = 0;
  while (value >= 1024 && i < BYTE_UNITS.length - 1) {
    value /= 1024;
    i++;
  }
  // Whole bytes; one decimal below 10 of a larger unit (9.5 KB), whole numbers above (45 KB).
  const rounded = i === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  // 1023.6 KB rounds to 1024 KB: that is 1 MB.
  if (rounded >= 1024 && i < BYTE_UNITS.length - 1) return { value: 1, unit: BYTE_UNITS[i + 1] };
  return { value: rounded, unit: BYTE_UNITS[i] };
}
