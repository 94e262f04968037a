import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { api } from '../../api/client'
import type { components } from '../../api/schema'
import { i18n } from '../../i18n'

export type ElderSummary = components['schemas']['ElderSummary']
export type ElderDetail = components['schemas']['ElderDetail']

/** An elder's whole record (名字、地址、电话), after the staff member confirms: each reveal is audited. Null when declined. */
export async function revealElder(tenant: string, id: number): Promise<ElderDetail | null> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(t('pairing.console.reveal.confirm'), t('pairing.console.reveal.title'), { type: 'warning' })
  } catch {
    return null
  }
  const { data } = await api.POST('/api/t/{tenant}/pairing/elders/{id}/reveal', { params: { path: { tenant, id } } })
  return data ?? null
}
