/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import enConsole from './console/en.json'
import zhCNConsole from './console/zh-CN.json'
import enApp from './en.json'
import zhCNApp from './zh-CN.json'
import enPoints from './points/en.json'
import zhCNPoints from './points/zh-CN.json'
import enEvents from './events/en.json'
import zhCNEvents from './events/zh-CN.json'
import enSuggestions from './suggestions/en.json'
import zhCNSuggestions from './suggestions/zh-CN.json'
import enCare from './care/en.json'
import zhCNCare from './care/zh-CN.json'
import enPairing from './pairing/en.json'
import zhCNPairing from './pairing/zh-CN.json'
import enNotifications from './notifications/en.json'
import zhCNNotifications from './notifications/zh-CN.json'

// a language's messages: the app's, the console's, the points', the events', the suggestions', the care services', care pairing's and the inbox's, which share no group
const zhCN = { ...zhCNApp, ...zhCNConsole, ...zhCNPoints, ...zhCNEvents, ...zhCNSuggestions, ...zhCNCare, ...zhCNPairing, ...zhCNNotifications }
const en = { ...enApp, ...enConsole, ...enPoints, ...enEvents, ...enSuggestions, ...enCare, ...enPairing, ...enNotifications }

const SRC = fileURLToPath(new URL('..', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix]
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

/** Keys given literally to t(…) / $t(…) anywhere in the UI's sources. */
function literalKeys(): Map<string, string> {
  const keys = new Map<string, string>()
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/(?<![\w.])\$?t\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) keys.set(m[1]!, file)
  }
  return keys
}

describe('locale files', () => {
  it('split a group between the app and the console nowhere', () => {
    expect(Object.keys(zhCNApp).filter((group) => group in zhCNConsole)).toEqual([])
  })

  it('split a group between the points and the other parts nowhere', () => {
    expect(Object.keys(zhCNPoints).filter((group) => group in zhCNApp || group in zhCNConsole)).toEqual([])
  })

  it('split a group between the events and the other parts nowhere', () => {
    expect(Object.keys(zhCNEvents).filter((group) => group in zhCNApp || group in zhCNConsole || group in zhCNPoints)).toEqual([])
  })

  it('split a group between the care services and the other parts nowhere', () => {
    expect(
      Object.keys(zhCNCare).filter((group) => group in zhCNApp || group in zhCNConsole || group in zhCNPoints),
    ).toEqual([])
  })

  it('split a group between care pairing and the other parts nowhere', () => {
    const others = [zhCNApp, zhCNConsole, zhCNPoints, zhCNEvents, zhCNSuggestions, zhCNCare, zhCNNotifications]
    expect(Object.keys(zhCNPairing).filter((group) => others.some((part) => group in part))).toEqual([])
  })

  it('hold every key the sources ask for, in both languages', () => {
    const zh = new Set(leaves(zhCN))
    const english = new Set(leaves(en))
    const missing = [...literalKeys()].filter(([key]) => !zh.has(key) || !english.has(key))
    expect(missing.map(([key, file]) => `${key} (${file.slice(SRC.length)})`)).toEqual([])
  })

  it('have the same keys in zh-CN and English', () => {
    const zh = leaves(zhCN).sort()
    const english = leaves(en).sort()
    expect(zh.filter((k) => !english.includes(k))).toEqual([])
    expect(english.filter((k) => !zh.includes(k))).toEqual([])
  })
})
