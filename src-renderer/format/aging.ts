/** The aging buckets as a desk names them, in order of lateness. */
export const AGING_BUCKETS = [
  { key: 'current', label: 'Not yet due' },
  { key: 'd1_30', label: '1–30 days' },
  { key: 'd31_60', label: '31–60 days' },
  { key: 'd61_90', label: '61–90 days' },
  { key: 'over_90', label: 'Over 90 days' },
] as const;
