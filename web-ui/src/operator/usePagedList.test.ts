import { describe, expect, it } from 'vitest'
import { usePagedList } from './usePagedList'

describe('usePagedList', () => {
  it('asks for the zero-based page of the one shown and keeps its items and total', async () => {
    const asked: [number, number][] = []
    const list = usePagedList<string>(2, async (page, size) => {
      asked.push([page, size])
      return { items: page === 0 ? ['a', 'b'] : ['c'], total: 3 }
    })
    await list.load()
    expect(list.items.value).toEqual(['a', 'b'])
    list.page.value = 2
    await list.load()
    expect(asked).toEqual([
      [0, 2],
      [1, 2],
    ])
    expect(list.items.value).toEqual(['c'])
    expect(list.total.value).toBe(3)
    expect(list.loading.value).toBe(false)
  })

  it('is empty when the API gives nothing', async () => {
    const list = usePagedList<string>(2, async () => undefined)
    await list.load()
    expect(list.items.value).toEqual([])
    expect(list.total.value).toBe(0)
  })
})
