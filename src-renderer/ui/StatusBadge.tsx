export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  paid: 'Paid',
  void: 'Void',
  marketplace: 'Marketplace',
  partially_paid: 'Partially paid',
  overdue: 'Overdue',
};

/** An invoice's status as words (never colour alone). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
