import { type ReactNode, useState } from 'react'
import { Button } from './button'
import { usePublicTranslation } from './i18n'

/** Copies text: the async clipboard where the page is a secure context, the old selection trick elsewhere. */
async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Denied: fall through to the selection copy.
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  const done = document.execCommand('copy')
  area.remove()
  return done
}

/** Text with a copy button after it; "已复制" is shown and announced once copied. */
export function CopyText({
  text,
  label,
  children,
  className,
  'data-testid': testId,
}: {
  text: string
  /** What is copied, completing the button's name for screen readers (复制 工单编号). */
  label: string
  children?: ReactNode
  className?: string
  'data-testid'?: string
}) {
  const { t } = usePublicTranslation()
  const [copied, setCopied] = useState(false)
  return (
    <span className="ruyu-copy">
      <span className={className} data-testid={testId}>
        {children ?? text}
      </span>
      <Button
        size="small"
        onClick={() => void copy(text).then((ok) => ok && setCopied(true))}
        onBlur={() => setCopied(false)}
      >
        {t('common.actions.copy')}
        <span className="ruyu-sr-only">{label}</span>
      </Button>
      <span className="ruyu-small ruyu-muted" role="status">
        {copied ? t('common.actions.copied') : ''}
      </span>
    </span>
  )
}
