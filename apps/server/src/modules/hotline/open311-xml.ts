/**
 * XML for Open311 GeoReport v2: the JSON documents mapped back the way the spec's examples show them (the "Spark
 * convention"): an object becomes child elements in key order, an array under key K becomes <K><item>…</item></K>
 * with the item element named by ITEM_NAME, null becomes an empty element. UTF-8 declaration, no namespace.
 */

/** Element name of one entry of each list the spec defines (services → service, …). */
const ITEM_NAME: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
}

export type XmlScalar = string | number | boolean | null | undefined
export type XmlValue = XmlScalar | XmlObject | XmlValue[]
export interface XmlObject {
  [key: string]: XmlValue
}

// XML 1.0 allows tab, newline, carriage return and the ranges below; anything else (NUL, other controls, lone
// surrogates, U+FFFE/U+FFFF) makes the document ill-formed, so it is dropped rather than escaped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function scalar(v: XmlScalar): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  return escapeXml(String(v))
}

function element(name: string, value: XmlValue, out: string[], indent: string): void {
  if (value === undefined) return
  if (Array.isArray(value)) {
    const item = ITEM_NAME[name]
    if (!item) throw new Error(`open311 xml: no item element name for list <${name}>`)
    if (value.length === 0) {
      out.push(`${indent}<${name}/>`)
      return
    }
    out.push(`${indent}<${name}>`)
    for (const v of value) element(item, v, out, `${indent}  `)
    out.push(`${indent}</${name}>`)
    return
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined)
    if (keys.length === 0) {
      out.push(`${indent}<${name}/>`)
      return
    }
    out.push(`${indent}<${name}>`)
    for (const k of keys) element(k, value[k], out, `${indent}  `)
    out.push(`${indent}</${name}>`)
    return
  }
  const text = scalar(value)
  out.push(text === '' ? `${indent}<${name}/>` : `${indent}<${name}>${text}</${name}>`)
}

/** Serialises one Open311 document under its root element (services, service_requests, errors, …). */
export function toOpen311Xml(root: string, value: XmlValue): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>']
  element(root, value, out, '')
  return `${out.join('\n')}\n`
}
