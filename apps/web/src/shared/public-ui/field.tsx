import { type ReactNode, useState } from 'react'
import { usePublicTranslation } from './i18n'
import { Icon } from './icons'
import './field.css'

/** What a field gives its control: its id and the ARIA links to the label's help and error lines. */
export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
  'aria-required': true | undefined
}

interface FieldProps {
  id: string
  label: ReactNode
  help?: ReactNode
  error?: string | undefined
  required?: boolean
  /** Show the red asterisk of a required field (default: when required). */
  mark?: boolean
}

function describedBy(id: string, help: ReactNode, error: string | undefined): string | undefined {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** Help line, then the error line (always present, empty when valid, so screen readers hear it appear). */
function FieldFoot({ id, help, error }: { id: string; help: ReactNode; error: string | undefined }) {
  return (
    <>
      {help ? (
        <div id={`${id}-help`} className="ruyu-field-help">
          {help}
        </div>
      ) : null}
      <div id={`${id}-error`} className="ruyu-field-error" aria-live="polite">
        {error}
      </div>
    </>
  )
}

/**
 * A labelled form field: label, the control (rendered by `children` with the ids and ARIA state it needs), help and
 * error. An error marks the control invalid and is part of its description.
 */
export function Field({
  id,
  label,
  help,
  error,
  required = false,
  mark = required,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  return (
    <div className="ruyu-field" data-invalid={error ? '' : undefined}>
      <label className="ruyu-field-label" htmlFor={id} data-required={mark ? '' : undefined}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(id, help, error),
        'aria-required': required ? true : undefined,
      })}
      <FieldFoot id={id} help={help} error={error} />
    </div>
  )
}

/**
 * A group of controls under one name (fieldset + legend), e.g. a town and a village picker; each control inside
 * has its own label.
 */
export function FieldGroup({
  id,
  legend,
  help,
  error,
  required = false,
  children,
}: Omit<FieldProps, 'label' | 'mark'> & { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="ruyu-field" id={`${id}-group`} aria-describedby={describedBy(id, help, error)}>
      <legend className="ruyu-field-label" data-required={required ? '' : undefined}>
        {legend}
      </legend>
      {children}
      <FieldFoot id={id} help={help} error={error} />
    </fieldset>
  )
}

/** Radio buttons in a fieldset with a legend: a row of buttons, or one segmented bar (`look="segmented"`). */
export function ChoiceField<T extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  help,
  error,
  required = false,
  look = 'buttons',
  hideLegend = false,
}: Omit<FieldProps, 'label' | 'mark'> & {
  legend: ReactNode
  options: readonly { value: T; label: ReactNode }[]
  value: T
  onChange: (value: T) => void
  look?: 'buttons' | 'segmented'
  hideLegend?: boolean
}) {
  return (
    <fieldset
      className="ruyu-field ruyu-choice"
      data-look={look}
      id={`${id}-group`}
      aria-describedby={describedBy(id, help, error)}
    >
      <legend
        className={hideLegend ? 'ruyu-sr-only' : 'ruyu-field-label'}
        data-required={required && !hideLegend ? '' : undefined}
      >
        {legend}
      </legend>
      <div className="ruyu-choice-options">
        {options.map((o, i) => (
          <label className="ruyu-choice-option" key={o.value}>
            <input
              type="radio"
              name={id}
              id={i === 0 ? id : `${id}-${o.value}`}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldFoot id={id} help={help} error={error} />
    </fieldset>
  )
}

/** An on/off setting: a checkbox announced as a switch, with its label and help. */
export function SwitchField({
  id,
  label,
  help,
  checked,
  onChange,
}: Omit<FieldProps, 'error' | 'required' | 'mark'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="ruyu-field">
      <label className="ruyu-field-label" htmlFor={id}>
        {label}
      </label>
      <input
        type="checkbox"
        role="switch"
        aria-checked={checked}
        id={id}
        className="ruyu-switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={help ? `${id}-help` : undefined}
      />
      <FieldFoot id={id} help={help} error={undefined} />
    </div>
  )
}

/** A password box with a show/hide switch (named in its text, so a label search for the box finds only the box). */
export function PasswordInput({
  control,
  value,
  onChange,
  autoComplete,
  maxLength,
  size,
  placeholder,
}: {
  control: ControlProps
  value: string
  onChange: (value: string) => void
  autoComplete: string
  maxLength?: number
  size?: 'large'
  placeholder?: string
}) {
  const { t } = usePublicTranslation()
  const [shown, setShown] = useState(false)
  return (
    <div className="ruyu-password">
      <input
        {...control}
        className="ruyu-input"
        data-size={size}
        type={shown ? 'text' : 'password'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete}
        maxLength={maxLength}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
      />
      <button
        type="button"
        className="ruyu-btn"
        data-variant="text"
        data-size="small"
        aria-pressed={shown}
        aria-controls={control.id}
        onClick={() => setShown((s) => !s)}
      >
        <Icon name={shown ? 'eyeOff' : 'eye'} />
        <span className="ruyu-sr-only">{t('common.password.show')}</span>
      </button>
    </div>
  )
}
