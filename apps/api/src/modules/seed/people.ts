/**
 * Fake citizens for generated inquiries: Chinese names from common surnames and given-name
 * characters, mobile numbers in an obviously fake pattern (1xx 0000 xxxx: the middle four digits
 * are always 0000, which masking hides anyway), e-mail addresses under example.com (RFC 2606).
 * Pure: no I/O.
 */
import type { Random } from './random.ts'

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯俊帆峰波丹玲雪梅琳晨欣怡佳子涵博海燕林亮成',
]
const MOBILE_PREFIXES = [
  '130',
  '133',
  '135',
  '137',
  '138',
  '139',
  '150',
  '152',
  '158',
  '177',
  '180',
  '186',
  '189',
]

export type FakeCitizen = { name: string; phone: string; email: string | undefined }

/** A name of 2 or 3 characters (surname + 1–2 given-name characters). */
export function fakeName(rnd: Random): string {
  const given = rnd.chance(0.7) ? rnd.pick(GIVEN) + rnd.pick(GIVEN) : rnd.pick(GIVEN)
  return rnd.pick(SURNAMES) + given
}

/** An 11-digit mobile number `1xx0000xxxx`: valid-looking, never a subscriber's real line pattern. */
export function fakeMobile(rnd: Random): string {
  return `${rnd.pick(MOBILE_PREFIXES)}0000${String(rnd.int(0, 9999)).padStart(4, '0')}`
}

/** A citizen; `emailShare` (0..1) of them also leave an e-mail address. */
export function fakeCitizen(rnd: Random, emailShare: number): FakeCitizen {
  const name = fakeName(rnd)
  const phone = fakeMobile(rnd)
  const email = rnd.chance(emailShare) ? `citizen${rnd.int(1000, 99999)}@example.com` : undefined
  return { name, phone, email }
}
