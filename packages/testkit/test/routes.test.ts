import { describe, expect, it } from 'vitest'
import { concreteUrl } from '../src/routes.ts'

describe('concreteUrl', () => {
  it('fills every parameter name used by the API with a well-formed value', () => {
    expect(concreteUrl('/api/workflow/instances/:id/actions/:action')).toBe(
      '/api/workflow/instances/00000000-0000-4000-8000-000000000000/actions/approve',
    )
    expect(concreteUrl('/api/directory/divisions/:code')).toBe('/api/directory/divisions/370612')
    expect(concreteUrl('/api/calendar/years/:year')).toBe('/api/calendar/years/2027')
    expect(concreteUrl('/api/workflow/definitions/:key')).not.toContain(':')
  })
})
