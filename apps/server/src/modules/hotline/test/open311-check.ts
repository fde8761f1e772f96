/**
 * Checks of Open311 answers: JSON against the Open311 project's JSON Schemas (copied into open311-schemas/) or the
 * shapes the spec defines without one; XML well-formed, declared UTF-8 and rooted as the spec shows.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { expect } from 'vitest'

const STANDARD = path.join(import.meta.dirname, 'open311-schemas')
const schema = (name: string) => JSON.parse(fs.readFileSync(path.join(STANDARD, name), 'utf8'))

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(schema('request.json'), 'request.json')
ajv.addSchema(schema('service.json'), 'service.json')
const validators: Record<string, ValidateFunction> = {
  services: ajv.compile(schema('services.json')),
  service_definition: ajv.compile(schema('service-definition.json')),
  requests: ajv.compile(schema('requests.json')),
  // Shapes the spec defines without a published schema (SPEC.md §3.3, §3.6, §3.7).
  post: ajv.compile({
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['service_request_id'],
      not: { required: ['token'] },
      properties: {
        service_request_id: { type: 'string', minLength: 1 },
        service_notice: { type: ['string', 'null'] },
        account_id: { type: ['string', 'null'] },
      },
    },
  }),
  errors: ajv.compile({
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['code', 'description'],
      additionalProperties: false,
      properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
    },
  }),
  discovery: ajv.compile({
    type: 'object',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    properties: {
      changeset: { type: 'string' },
      contact: { type: 'string' },
      key_service: { type: 'string' },
      endpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: {
            specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
            url: { type: 'string', format: 'uri' },
            type: { enum: ['production', 'test'] },
            formats: { type: 'array', items: { type: 'string' }, contains: { const: 'text/xml' } },
          },
        },
      },
    },
  }),
}

/** Asserts a JSON body against one of the validators above and returns it. */
export function valid(kind: keyof typeof validators, body: string) {
  expect(body.startsWith('<')).toBe(false)
  const data = JSON.parse(body)
  const ok = validators[kind]!(data)
  expect(ok, `${kind}: ${ajv.errorsText(validators[kind]!.errors)}\n${body.slice(0, 500)}`).toBe(true)
  return data
}

// Lists come back as arrays even with one element; text stays text (codes like 0101 keep their zero).
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
})
/** Asserts the XML is declared UTF-8, well-formed and has exactly the given root; returns the parsed root. */
export function xml(body: string, root: string) {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
  expect(XMLValidator.validate(body)).toBe(true)
  const doc = parser.parse(body)
  expect(Object.keys(doc).filter((k) => k !== '?xml')).toEqual([root])
  return doc[root]
}
