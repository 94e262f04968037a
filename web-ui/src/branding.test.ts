import { describe, expect, it } from 'vitest'
import { contrast, inkOn, mix, primaryColorVariables, textShade } from './branding'

describe('branding', () => {
  it('mixes colours as Element Plus derives its shades', () => {
    // Element Plus's default primary #409eff has light-3 #79bbff and dark-2 #337ecc.
    expect(mix('#409eff', '#ffffff', 0.7)).toBe('#79bbff')
    expect(mix('#409eff', '#000000', 0.8)).toBe('#337ecc')
  })

  it('picks readable text on the primary colour', () => {
    expect(inkOn('#f5a623')).toBe('#1f2328')
    expect(inkOn('#c8102e')).toBe('#ffffff')
    expect(inkOn('#1677ff')).toBe('#ffffff')
  })

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21)
    expect(contrast('#f5a623', '#ffffff')).toBeCloseTo(2.06, 1)
  })

  it('darkens a bright primary colour until text in it reads on white', () => {
    const orange = textShade('#f5a623')
    expect(contrast(orange, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    // a dark colour stays as it is
    expect(textShade('#c8102e')).toBe('#c8102e')
    expect(primaryColorVariables('#f5a623')['--fx-primary-text']).toBe(orange)
  })

  it('sets the primary colour of Vant and Element Plus', () => {
    const vars = primaryColorVariables('#c8102e')
    expect(vars['--van-primary-color']).toBe('#c8102e')
    expect(vars['--el-color-primary']).toBe('#c8102e')
    expect(vars['--el-color-primary-light-9']).toBe(mix('#c8102e', '#ffffff', 0.1))
  })
})
