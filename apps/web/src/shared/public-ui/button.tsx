import type { ButtonHTMLAttributes, ReactNode } from 'react'
import { Link, type LinkProps } from 'react-router'
import './button.css'

export interface ButtonLook {
  variant?: 'primary' | 'default' | 'link' | 'text'
  size?: 'large' | 'middle' | 'small'
  block?: boolean
}

function lookAttributes({ variant = 'default', size = 'middle', block }: ButtonLook) {
  return { 'data-variant': variant, 'data-size': size, 'data-block': block ? '' : undefined }
}

/** A native button with the console's look; `loading` keeps it in the tab order but ignores further clicks. */
export function Button({
  variant,
  size,
  block,
  loading = false,
  type = 'button',
  className,
  children,
  onClick,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & ButtonLook & { loading?: boolean; children: ReactNode }) {
  return (
    <button
      type={type}
      className={className ? `ruyu-btn ${className}` : 'ruyu-btn'}
      {...lookAttributes({ variant, size, block })}
      aria-disabled={loading || undefined}
      onClick={loading ? (e) => e.preventDefault() : onClick}
      {...rest}
    >
      {loading ? <span className="ruyu-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  )
}

/** A router link drawn as a button (a link inside a button is not valid HTML, nor the other way round). */
export function ButtonLink({ variant, size, block, className, ...rest }: LinkProps & ButtonLook) {
  return (
    <Link
      className={className ? `ruyu-btn ${className}` : 'ruyu-btn'}
      {...lookAttributes({ variant, size, block })}
      {...rest}
    />
  )
}
