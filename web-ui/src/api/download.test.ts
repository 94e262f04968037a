import { describe, expect, it } from 'vitest'
import { fileNameOf } from './download'

describe('the name of a downloaded file', () => {
  it('prefers the UTF-8 name, so Chinese names arrive intact', () => {
    expect(
      fileNameOf(`attachment; filename="region.xlsx"; filename*=UTF-8''%E5%B1%B1%E8%A5%BF%E7%9C%81-2026.xlsx`, 'x'),
    ).toBe('山西省-2026.xlsx')
  })
  it('takes the plain name, quoted or not, else the fallback', () => {
    expect(fileNameOf('attachment; filename="a b.csv"', 'x')).toBe('a b.csv')
    expect(fileNameOf('attachment; filename=a.csv', 'x')).toBe('a.csv')
    expect(fileNameOf('attachment', 'fallback.csv')).toBe('fallback.csv')
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv')
  })
})
