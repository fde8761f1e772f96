import dayjs from 'dayjs'

/** ISO instant → `YYYY-MM-DD HH:mm` in the browser's zone (China Standard Time for our users); '' for none. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : ''
}

/** ISO instant or date → `YYYY-MM-DD`; '' for none. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : ''
}
