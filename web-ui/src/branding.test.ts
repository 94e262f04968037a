import { describe, expect, it } from 'vitest'
import { inkOn, mix, primaryColorVariables } from './branding'

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

  it('sets the primary colour of Vant and Element Plus', () => {
    const vars = primaryColorVariables('#c8102e')
    expect(vars['--van-primary-color']).toBe('#c8102e')
    expect(vars['--el-color-primary']).toBe('#c8102e')
    expect(vars['--el-color-primary-light-9']).toBe(mix('#c8102e', '#ffffff', 0.1))
  })
})
