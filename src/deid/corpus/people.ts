// Synthetic people: names, addresses and e-mail addresses per language.
import type { Rng } from './random.ts';

const ZH_SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余'];
const ZH_GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅琳建国文斌宇浩凯晨欣怡子涵梓轩'];
const HANT_GIVEN = [...'偉芳娜敏靜麗強磊軍洋勇豔傑娟濤明超秀霞平剛桂英華玉蘭萍紅梅琳建國文斌宇浩凱晨欣怡'];
const KO_SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권'];
const KO_GIVEN = [...'민서준지호예은하윤도현수빈영철미경성훈현우지민서연'];
const EN_FIRST = ['James', 'Mary', 'John', 'Linda', 'David', 'Susan', 'Michael', 'Karen', 'Daniel', 'Emily', 'Wei', 'Min-jun', 'Hannah', 'Oliver'];
const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Chen', 'Wong', 'Kim', 'Park', 'Lee', 'Garcia', 'Miller'];

/** A person's name in a language. */
export function personName(r: Rng, lang: string): string {
  if (lang === 'zh-Hans') return r.pick(ZH_SURNAMES) + r.pick(ZH_GIVEN) + (r.chance(0.6) ? r.pick(ZH_GIVEN) : '');
  if (lang === 'zh-Hant') return r.pick(ZH_SURNAMES) + r.pick(HANT_GIVEN) + (r.chance(0.6) ? r.pick(HANT_GIVEN) : '');
  if (lang === 'ko') return r.pick(KO_SURNAMES) + r.pick(KO_GIVEN) + r.pick(KO_GIVEN);
  return `${r.pick(EN_FIRST)} ${r.pick(EN_LAST)}`;
}

const ZH_CITIES = [['广东省', '深圳市', '南山区'], ['浙江省', '杭州市', '西湖区'], ['', '北京市', '朝阳区'], ['', '上海市', '浦东新区'], ['四川省', '成都市', '武侯区'], ['江苏省', '南京市', '鼓楼区']];
const ZH_ROADS = ['科技园路', '建国路', '文三路', '人民南路', '中山北路', '世纪大道'];
const TW_CITIES = [['臺北市', '信義區'], ['新北市', '板橋區'], ['臺中市', '西屯區'], ['高雄市', '前鎮區']];
const TW_ROADS = ['市府路', '忠孝東路', '文化路', '中山路'];
const KO_CITIES = [['서울특별시', '강남구'], ['부산광역시', '해운대구'], ['경기도 성남시', '분당구'], ['인천광역시', '연수구']];
const KO_ROADS = ['테헤란로', '해운대로', '판교역로', '송도과학로'];
const EN_STREETS = ['Main St', 'Oak Avenue', 'Queen’s Road', 'Nathan Road', 'King Street'];
const EN_CITIES = ['Springfield', 'Hong Kong', 'Singapore', 'London', 'Seattle'];

/** A postal address in a language (no postcode: templates add one with its own label). */
export function address(r: Rng, lang: string): string {
  if (lang === 'zh-Hans') {
    const [p, c, d] = r.pick(ZH_CITIES);
    return `${p}${c}${d}${r.pick(ZH_ROADS)}${r.range(1, 999)}号${r.chance(0.5) ? `${r.range(1, 30)}栋${r.range(101, 2505)}室` : ''}`;
  }
  if (lang === 'zh-Hant') {
    const [c, d] = r.pick(TW_CITIES);
    return `${c}${d}${r.pick(TW_ROADS)}${r.range(1, 300)}號${r.chance(0.5) ? `${r.range(2, 20)}樓` : ''}`;
  }
  if (lang === 'ko') {
    const [c, d] = r.pick(KO_CITIES);
    return `${c} ${d} ${r.pick(KO_ROADS)} ${r.range(1, 400)}${r.chance(0.5) ? ` ${r.range(1, 20)}층` : ''}`;
  }
  return `${r.range(1, 999)} ${r.pick(EN_STREETS)}, ${r.pick(EN_CITIES)}`;
}

const LOCALS = ['zhang.san', 'li.si', 'wangwei', 'chenjing', 'minjun.kim', 'jiho.park', 'john.smith', 'mary.lee', 'hannah', 'oliver_w', 'test.user'];
const DOMAINS = ['163.com', 'qq.com', 'gmail.com', 'naver.com', 'example.com', 'company.co.kr', 'mail.example.org', 'outlook.com.hk'];

/** An e-mail address. */
export function email(r: Rng): string {
  return `${r.pick(LOCALS)}${r.chance(0.5) ? r.range(1, 9999) : ''}@${r.pick(DOMAINS)}`;
}
