import { describe, expect, it } from 'vitest'
import { fullName, personBody, personComplete } from './person'

describe('person', () => {
  it('writes names family name first', () => {
    expect(fullName('张', '建国')).toBe('张建国')
    expect(fullName(' 欧阳 ', ' 娜娜 ')).toBe('欧阳娜娜')
    expect(fullName('Lee', 'Ann')).toBe('Lee Ann')
    expect(fullName('', '建国')).toBe('建国')
    expect(fullName('张', ' ')).toBe('张')
  })

  it('names the person by one handle only', () => {
    expect(personBody({ kind: 'username', handle: ' han.lijuan ', family: '韩', given: '丽娟' })).toEqual({
      username: 'han.lijuan',
      name: '韩丽娟',
    })
  })

  it('is complete with a handle and a name', () => {
    expect(personComplete({ kind: 'email', handle: 'a@b.cn', family: '', given: '丽娟' })).toBe(true)
    expect(personComplete({ kind: 'email', handle: ' ', family: '韩', given: '' })).toBe(false)
    expect(personComplete({ kind: 'email', handle: 'a@b.cn', family: ' ', given: '' })).toBe(false)
  })
})
