import zhCN from '../../locales/console/zh-CN.json'

/** The dotted paths of a nested message object's leaves: {report: {rule: {create: …}}} → report.rule.create. */
export function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

/**
 * The actions the audit log names (locale keys `audit.actions.<code>` mirror the codes the API
 * writes, e.g. report.rule.create; a test checks them against the API's sources).
 */
export const AUDIT_ACTIONS: readonly string[] = leafKeys(zhCN.audit.actions)
