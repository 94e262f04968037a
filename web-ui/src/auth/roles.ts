/** Roles a person holds in one township (membership). Regional grants carry region_viewer or platform_operator. */
export const TENANT_ROLES = ['rider', 'dispatcher', 'handler', 'station_keeper', 'tenant_admin'] as const
export type TenantRole = (typeof TENANT_ROLES)[number]

export function isTenantRole(role: string): role is TenantRole {
  return (TENANT_ROLES as readonly string[]).includes(role)
}
