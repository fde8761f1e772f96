const pad = (n: number) => String(n).padStart(2, '0')

/**
 * ISO instant → `YYYY-MM-DD HH:mm` in the browser's zone, like the console's dayjs format, without dayjs (the
 * public pages do not load it); '' for none.
 */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return ''
  const d = iso instanceof Date ? iso : new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
