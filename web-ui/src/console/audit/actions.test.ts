/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import en from '../../locales/console/en.json'
import zhCN from '../../locales/console/zh-CN.json'
import { leafKeys } from './actions'

const JAVA = fileURLToPath(new URL('../../../../platform-api/src/main/java', import.meta.url))

function javaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? javaFiles(join(dir, e.name)) : e.name.endsWith('.java') ? [join(dir, e.name)] : [],
  )
}

/** From `from` (just after an opening bracket or `=`), the text up to the closing bracket or `;` at depth 0. */
function until(source: string, from: number, end: string): string {
  let depth = 0
  let inString = false
  for (let i = from; i < source.length; i++) {
    const c = source[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if ('([{'.includes(c!)) depth++
    else if (depth > 0 && ')]}'.includes(c!)) depth--
    else if (depth === 0 && c === end) return source.slice(from, i)
  }
  throw new Error(`no ${end} after ${from}`)
}

/** Splits at the commas outside brackets and strings. */
function topLevelArgs(args: string): string[] {
  const out: string[] = []
  let rest = args
  for (;;) {
    let piece: string
    try {
      piece = until(rest, 0, ',')
    } catch {
      out.push(rest.trim())
      return out
    }
    out.push(piece.trim())
    rest = rest.slice(piece.length + 1)
  }
}

/**
 * The action codes of every `audit.record(tenant, action, …)` in the API: the action is a string
 * literal, a choice between literals, or a local variable set from literals (so every code the API
 * can write is found here). Anything else is listed in `unreadable`.
 */
function writtenActions(): { codes: Set<string>; unreadable: string[] } {
  const codes = new Set<string>()
  const unreadable: string[] = []
  for (const file of javaFiles(JAVA)) {
    const source = readFileSync(file, 'utf8')
    for (const call of source.matchAll(/\baudit\.record\(/g)) {
      let action = topLevelArgs(until(source, call.index + call[0].length, ')'))[1] ?? ''
      const variable = /^[a-z]\w*$/i.exec(action)
      if (variable) {
        const declared = new RegExp(`\\bString ${variable[0]} = `).exec(source.slice(0, call.index))
        action = declared ? until(source, declared.index + declared[0].length, ';') : action
      }
      const literals = [...action.matchAll(/"([^"]*)"/g)].map((m) => m[1]!)
      if (!literals.length || /"\s*\+|\+\s*"/.test(action)) unreadable.push(`${file}: ${action}`)
      literals.forEach((code) => codes.add(code))
    }
  }
  return { codes, unreadable }
}

describe('audit action labels', () => {
  const { codes, unreadable } = writtenActions()

  it('finds every action the API writes as literal codes', () => {
    expect(unreadable).toEqual([])
    expect(codes.size).toBeGreaterThan(40)
    expect(codes).toContain('report.rule.create')
    expect(codes).toContain('rider.approve')
  })

  it('names every action the API writes, in Chinese and English, and nothing else', () => {
    const written = [...codes].sort()
    expect(leafKeys(zhCN.audit.actions).sort()).toEqual(written)
    expect(leafKeys(en.audit.actions).sort()).toEqual(written)
  })
})
