/**
 * Invented place names of an invented prefecture-level city, for the slots of the inquiry
 * templates ({district}, {community}, {road}, {village}, {school}, {developer}). Pure: no I/O.
 */
import type { Random } from './random.ts'

const DISTRICTS = [
  '城关区',
  '河东区',
  '河西区',
  '新城区',
  '高新区',
  '经开区',
  '滨湖区',
  '北塘区',
  '南山区',
  '临港区',
]
const COMMUNITY_HEADS = [
  '阳光',
  '锦绣',
  '翠湖',
  '金色',
  '御景',
  '和谐',
  '幸福',
  '书香',
  '紫荆',
  '龙湖',
  '滨江',
  '观澜',
  '世纪',
  '碧水',
  '东方',
]
const COMMUNITY_TAILS = [
  '花园',
  '家园',
  '小区',
  '新村',
  '雅苑',
  '华府',
  '名邸',
  '嘉园',
  '公馆',
  '丽都',
]
const ROADS = [
  '建设路',
  '人民路',
  '和平街',
  '解放大道',
  '长江路',
  '黄河路',
  '中山路',
  '文化路',
  '光明街',
  '胜利路',
  '学府路',
  '迎宾大道',
]
const VILLAGES = [
  '王家庄村',
  '李家湾村',
  '前进村',
  '红旗村',
  '新河村',
  '柳树屯村',
  '石桥村',
  '东岗村',
  '后营村',
]
const SCHOOL_HEADS = ['实验', '第一', '第三', '育才', '光明', '新华', '滨湖', '文昌']
const DEVELOPERS = ['某置业公司', '某房地产开发公司', '某城建集团', '某地产公司']

export type PlaceSlots = {
  district: string
  community: string
  road: string
  village: string
  school: string
  developer: string
}

/** One consistent set of places for one inquiry. */
export function pickPlaces(rnd: Random): PlaceSlots {
  return {
    district: rnd.pick(DISTRICTS),
    community: rnd.pick(COMMUNITY_HEADS) + rnd.pick(COMMUNITY_TAILS),
    road: rnd.pick(ROADS),
    village: rnd.pick(VILLAGES),
    school: `${rnd.pick(SCHOOL_HEADS)}${rnd.pick(['小学', '中学', '初级中学'])}`,
    developer: rnd.pick(DEVELOPERS),
  }
}
