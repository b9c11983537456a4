import { describe, expect, it } from 'vitest'
import { maskEmail, maskName, maskPhone } from './mask.ts'

describe('masking personal data', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['024-23456789', '024****6789'],
    ['12345', '1****'],
    [undefined, undefined],
  ])('phone %s -> %s', (input, out) => expect(maskPhone(input)).toBe(out))

  it.each([
    ['张三丰', '张**'],
    ['李四', '李*'],
    ['王', '王*'],
    [null, undefined],
  ])('name %s -> %s', (input, out) => expect(maskName(input)).toBe(out))

  it('keeps only the first letter and the domain of an email', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('z***@example.cn')
    expect(maskEmail('broken')).toBe('***')
  })
})
