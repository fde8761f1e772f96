import type { HTMLAttributes } from 'react'
import './plain-card.css'

/**
 * A white panel for the public pages, in place of AntD `Card`, which pulls in Tabs, Dropdown and Menu (about 25 KB
 * compressed) for features these pages never use.
 */
export function PlainCard({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={className ? `ruyu-card ${className}` : 'ruyu-card'} {...rest} />
}
