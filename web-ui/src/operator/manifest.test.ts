import { describe, expect, it } from 'vitest'
import { readManifest } from './manifest'

describe('readManifest', () => {
  it('reads a YAML manifest with its code', () => {
    const read = readManifest('code: xinhe\nname: 新河镇\nregion: [河北省, 甲市]\n')
    expect(read).toEqual({ ok: true, code: 'xinhe', manifest: { code: 'xinhe', name: '新河镇', region: ['河北省', '甲市'] } })
  })

  it('reads JSON too', () => {
    expect(readManifest('{"code": "xinhe", "name": "新河镇"}')).toMatchObject({ ok: true, code: 'xinhe' })
  })

  it('says what is wrong with text that is no manifest', () => {
    expect(readManifest('  ')).toEqual({ ok: false, error: 'empty' })
    expect(readManifest('code: [unclosed')).toMatchObject({ ok: false, error: 'syntax' })
    expect(readManifest('- a\n- b')).toEqual({ ok: false, error: 'notObject' })
    expect(readManifest('name: 新河镇')).toEqual({ ok: false, error: 'noCode' })
    expect(readManifest('code: Xin He')).toEqual({ ok: false, error: 'noCode' })
  })
})
