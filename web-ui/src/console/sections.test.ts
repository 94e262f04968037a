import { describe, expect, it } from 'vitest'
import { CONSOLE_SECTIONS, sectionMeta } from './sections'

describe('console section routes', () => {
  it('leave the console layout its messages, and add the points part where the section shows points', () => {
    for (const section of CONSOLE_SECTIONS) {
      const meta = sectionMeta(section)
      // the router merges a child's meta over its parent's: a `messages` key must name the console's too
      if ('messages' in meta) expect(meta.messages).toContain('console')
      expect(meta.titleKey).toBe(`console.sections.${section.key}`)
    }
    expect('messages' in sectionMeta(CONSOLE_SECTIONS.find((s) => s.key === 'stations')!)).toBe(false)
    expect(sectionMeta(CONSOLE_SECTIONS.find((s) => s.key === 'points')!)).toMatchObject({ messages: ['console', 'points'] })
    expect(sectionMeta(CONSOLE_SECTIONS.find((s) => s.key === 'events')!)).toMatchObject({ messages: ['console', 'events'] })
    expect(sectionMeta(CONSOLE_SECTIONS.find((s) => s.key === 'suggestions')!)).toMatchObject({
      messages: ['console', 'suggestions'],
    })
    expect(sectionMeta(CONSOLE_SECTIONS.find((s) => s.key === 'care')!)).toMatchObject({
      messages: ['console', 'points', 'care'],
      roles: ['tenant_admin'],
    })
    expect(sectionMeta(CONSOLE_SECTIONS.find((s) => s.key === 'pairing')!)).toMatchObject({
      messages: ['console', 'points', 'pairing'],
      roles: ['tenant_admin', 'handler'],
    })
  })
})
