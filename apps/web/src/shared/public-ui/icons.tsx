import type { ReactNode } from 'react'

// A handful of inline icons for the public pages, instead of @ant-design/icons and its runtime. Decorative only:
// hidden from assistive technology, the text next to them carries the meaning.

function Svg({ children, size }: { children: ReactNode; size?: number | string }) {
  return (
    <svg
      className="ruyu-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      style={size ? { width: size, height: size } : undefined}
    >
      {children}
    </svg>
  )
}

const mark = {
  fill: 'none',
  stroke: '#fff',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const

export type IconName = 'success' | 'error' | 'info' | 'question' | 'warning' | 'globe' | 'eye' | 'eyeOff'

/** One of the icons, drawn in the current text colour at 1em (or `size`). */
export function Icon({ name, size }: { name: IconName; size?: number | string }) {
  switch (name) {
    case 'success':
      return (
        <Svg size={size}>
          <circle cx="12" cy="12" r="11" />
          <path d="M7 12.5l3.3 3.3L17.2 9" {...mark} />
        </Svg>
      )
    case 'error':
      return (
        <Svg size={size}>
          <circle cx="12" cy="12" r="11" />
          <path d="M8.2 8.2l7.6 7.6M15.8 8.2l-7.6 7.6" {...mark} />
        </Svg>
      )
    case 'info':
      return (
        <Svg size={size}>
          <circle cx="12" cy="12" r="11" />
          <path d="M12 11v6" {...mark} />
          <circle cx="12" cy="7.3" r="1.4" fill="#fff" />
        </Svg>
      )
    case 'question':
      return (
        <Svg size={size}>
          <circle cx="12" cy="12" r="11" />
          <path d="M9.3 9.4a2.8 2.8 0 1 1 3.9 2.6c-.8.4-1.2 1-1.2 1.8v.4" {...mark} />
          <circle cx="12" cy="17.4" r="1.4" fill="#fff" />
        </Svg>
      )
    case 'warning':
      return (
        <Svg size={size}>
          <path d="M12 1.8L.9 21.6h22.2z" />
          <path d="M12 9v6" {...mark} />
          <circle cx="12" cy="18.2" r="1.3" fill="#fff" />
        </Svg>
      )
    case 'globe':
      return (
        <Svg size={size}>
          <g fill="none" stroke="currentColor" strokeWidth="1.7">
            <circle cx="12" cy="12" r="9.5" />
            <ellipse cx="12" cy="12" rx="4.2" ry="9.5" />
            <path d="M2.5 12h19M4 7h16M4 17h16" />
          </g>
        </Svg>
      )
    case 'eye':
    case 'eyeOff':
      return (
        <Svg size={size}>
          <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <path d="M1.8 12S5.5 5 12 5s10.2 7 10.2 7-3.7 7-10.2 7S1.8 12 1.8 12z" />
            <circle cx="12" cy="12" r="3.2" />
            {name === 'eyeOff' ? <path d="M3.5 3.5l17 17" /> : null}
          </g>
        </Svg>
      )
  }
}
