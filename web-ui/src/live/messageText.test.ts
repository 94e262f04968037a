import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import en from '../locales/notifications/en.json'
import zhCN from '../locales/notifications/zh-CN.json'
import { messageRoute, messageText } from './messageText'

i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})

describe('words of a message', () => {
  it('words each kind from its parameters, codes as words', () => {
    expect(messageText(t, { kind: 'report_escalated', params: { category: '道路破损', community: '一社区', step: 'resolve' } }))
      .toBe('一社区的道路破损上报已超过办结时限，升级给管理员')
    expect(messageText(t, { kind: 'report_escalated', params: { category: '燃气泄漏', step: 'dispatch' } }))
      .toBe('镇外的燃气泄漏上报已超过派单时限，升级给管理员')
    expect(messageText(t, { kind: 'pairing_alert', params: { elder: '王**', community: '月坛西街社区', reason: 'streak', days: '3' } }))
      .toBe('月坛西街社区王**已连续 3 天异常，请尽快跟进')
    expect(messageText(t, { kind: 'pairing_alert_escalated', params: { elder: '王**', community: '月坛西街社区', reason: 'needs_help', days: '1' } }))
      .toBe('月坛西街社区王**需要帮助的预警超时未跟进')
    expect(messageText(t, { kind: 'pairing_alert_followed_up', params: { elder: '王**', outcome: 'family' } }))
      .toBe('社区已跟进您报告的王**：已联系家属')
    expect(messageText(t, { kind: 'something_new' as never, params: {} })).toBe('您有一条新消息')
  })

  it('opens console and rider routes in the township, and nothing else', () => {
    expect(messageRoute('yuetan', '/console/dispatch?report=12')).toBe('/t/yuetan/console/dispatch?report=12')
    expect(messageRoute('yuetan', '/console/pairing/alerts/3')).toBe('/t/yuetan/console/pairing/alerts/3')
    expect(messageRoute('yuetan', '/rider/pairing')).toBe('/t/yuetan/pairing')
    expect(messageRoute('yuetan', '/rider')).toBe('/t/yuetan')
    for (const link of [null, undefined, '', 'https://evil.example/x', '//evil.example', '/consoles', '/t/other/console']) {
      expect(messageRoute('yuetan', link)).toBeNull()
    }
  })
})
