const DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** ISO instant → YYYY-MM-DD as dated in China (certificates are dated in China Standard Time). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? DATE.format(new Date(iso)) : ''
}
