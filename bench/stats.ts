// Summaries of repeated timings: the median is what the table shows (robust to the odd slow run on a
// shared machine); min and max show how noisy the run was.

export interface Timing {
  medianMs: number
  minMs: number
  maxMs: number
  samplesMs: number[]
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function timing(samplesMs: number[]): Timing {
  const rounded = samplesMs.map((value) => Math.round(value * 10) / 10)
  return {
    medianMs: Math.round(median(samplesMs) * 10) / 10,
    minMs: Math.min(...rounded),
    maxMs: Math.max(...rounded),
    samplesMs: rounded
  }
}

export function ratio(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 1000) / 1000
}
