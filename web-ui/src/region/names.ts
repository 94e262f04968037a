import { i18n } from '../i18n'

/** A township's name in the UI's language (its Chinese name where it has no English one). */
export function townshipName(township: { name?: string; nameEn?: string | null }): string {
  return (i18n.global.locale.value === 'en' && township.nameEn) || township.name || ''
}

/** Where a township lies below the region shown: "吕梁市 › 中阳县" in 山西省 (empty when directly in it). */
export function pathBelow(regionPath: string | undefined, region: string): string {
  if (!regionPath || regionPath === region) return ''
  const below = region && regionPath.startsWith(`${region}/`) ? regionPath.slice(region.length + 1) : regionPath
  return below.split('/').join(' › ')
}
