import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../../api/client'
import { categoryName, type Category } from '../../console/report-settings/useReportSettings'

export type { Category }

/** A group 大类 and what a rider picks in it: its sub-categories, or the group itself when it has none. */
export interface CategoryGroup {
  group: Category
  choices: Category[]
}

/** Groups in the township's order (the API lists them so), each with its choices. */
export function groupCategories(categories: Category[]): CategoryGroup[] {
  const groups = categories.filter((c) => c.parentId == null)
  return groups.map((group) => {
    const children = categories.filter((c) => c.parentId === group.id)
    return { group, choices: children.length ? children : [group] }
  })
}

/** The numbers in a hotline text (请立即拨打 110 或 120 → 110, 120), to call with one tap. */
export function hotlineNumbers(text: string | undefined): string[] {
  return text?.match(/\d{3,}/g) ?? []
}

const cacheKey = (tenant: string) => `fengxing.report-categories.${tenant}`

/**
 * The township's active report categories. The last list is kept on the phone, so a rider on a
 * weak or no connection can still fill in a report (the outbox sends it later).
 */
export function useReportCategories(tenant: () => string) {
  const { locale } = useI18n()
  const categories = ref<Category[]>([])

  function cached(): Category[] {
    try {
      return JSON.parse(localStorage.getItem(cacheKey(tenant())) ?? '[]') as Category[]
    } catch {
      return []
    }
  }

  async function load(): Promise<void> {
    categories.value = cached()
    try {
      const { data } = await api.GET('/api/t/{tenant}/report-settings/categories', {
        params: { path: { tenant: tenant() }, query: { active: true, size: 200 } },
      })
      categories.value = data?.items ?? []
      localStorage.setItem(cacheKey(tenant()), JSON.stringify(categories.value))
    } catch (error) {
      // offline with a list from before: go on with it
      if (!categories.value.length) throw error
    }
  }

  const groups = computed(() => groupCategories(categories.value))

  const name = (category: Category | undefined) => categoryName(category, locale.value)

  function byCode(code: string | undefined): Category | undefined {
    return categories.value.find((c) => c.code === code)
  }

  return { categories, groups, load, name, byCode }
}
