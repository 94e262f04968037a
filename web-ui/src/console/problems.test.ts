import { describe, expect, it } from 'vitest'
import { fieldErrors } from './problems'

const problem = (errors: { field: string; message: string }[]) => ({ type: 't', title: 'Invalid', status: 400, errors })

describe('fieldErrors', () => {
  it('matches a field by its path, also behind a parameter name', () => {
    expect(
      fieldErrors(
        problem([
          { field: 'branding.primaryColor', message: 'bad colour' },
          { field: 'settings.map.tileUrl', message: 'bad url' },
        ]),
        ['branding.primaryColor', 'map.tileUrl', 'map.center'],
      ),
    ).toEqual({ 'branding.primaryColor': 'bad colour', 'map.tileUrl': 'bad url' })
  })

  it('prefers the longest field and matches indexed paths', () => {
    expect(fieldErrors(problem([{ field: 'map.center[0]', message: 'out of range' }]), ['center', 'map.center'])).toEqual({
      'map.center': 'out of range',
    })
  })

  it('puts errors that fit no field under the empty key, joined', () => {
    expect(
      fieldErrors(
        problem([
          { field: 'x', message: 'one.' },
          { field: 'y', message: 'two.' },
        ]),
        ['code'],
      ),
    ).toEqual({ '': 'one. two.' })
    expect(fieldErrors(undefined, ['code'])).toEqual({})
  })
})
