import { ref } from 'vue'
import { api } from '../../api/client'
import type { components } from '../../api/schema'
import { useTenantStore } from '../../stores/tenant'

type Schemas = components['schemas']
export type Category = Schemas['CategoryView']
export type Department = Schemas['DepartmentView']
export type Community = Schemas['CommunityView']

/** What the report settings' tabs share: categories, departments, communities (all: dozens each). */
export function useReportSettings() {
  const tenant = useTenantStore()
  const categories = ref<Category[]>([])
  const departments = ref<Department[]>([])
  const communities = ref<Community[]>([])

  const path = () => ({ tenant: tenant.code! })
  const all = { size: 200 }

  async function loadCategories(): Promise<void> {
    const { data } = await api.GET('/api/t/{tenant}/report-settings/categories', {
      params: { path: path(), query: all },
    })
    categories.value = data?.items ?? []
  }

  async function loadDepartments(): Promise<void> {
    const { data } = await api.GET('/api/t/{tenant}/report-settings/departments', {
      params: { path: path(), query: all },
    })
    departments.value = data?.items ?? []
  }

  async function loadCommunities(): Promise<void> {
    const { data } = await api.GET('/api/t/{tenant}/communities', { params: { path: path(), query: all } })
    communities.value = data?.items ?? []
  }

  return { categories, departments, communities, loadCategories, loadDepartments, loadCommunities }
}

/** A category's name in the UI's language. */
export function categoryName(category: Category | undefined, locale: string): string {
  if (!category) return ''
  return (locale === 'en' ? category.nameEn : category.nameZh) ?? category.code ?? ''
}
