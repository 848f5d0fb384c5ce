// A test registry using every notice feature in all four languages under PIPL, PIPA and GDPR at once.
import { loadRegistry, type Registry } from '../registry/index.ts';

/** YAML of a registry that exercises every section of the notice. */
export const FULL_REGISTRY_YAML = `
organization:
  id: harbor
  names: { en: Harbor Commerce Ltd, zh-Hans: 海港商贸有限公司, zh-Hant: 海港商貿有限公司, ko: 하버커머스 주식회사 }
  contact:
    email: privacy@harbor.example
    phone: "+86 21 5555 0100"
    url: https://harbor.example/privacy
    address: { en: "1 Harbor Road, Shanghai", zh-Hans: 上海市海港路1号, zh-Hant: 上海市海港路1號, ko: 상하이시 하버로 1 }
  privacyOfficer:
    name: { en: Lin Wei, zh-Hans: 林伟, zh-Hant: 林偉, ko: 린웨이 }
    title: { en: Data Protection Officer, zh-Hans: 个人信息保护负责人, zh-Hant: 個人資料保護長, ko: 개인정보 보호책임자 }
    email: dpo@harbor.example
  representative:
    name: { en: Harbor Korea Agent Co, zh-Hans: 海港韩国代理公司, zh-Hant: 海港韓國代理公司, ko: 하버코리아대리 주식회사 }
    phone: "+82 2 555 0100"
  regimes: [pipl, pipa, gdpr]
  languages: [zh-Hans, zh-Hant, ko, en]
  version: "2.1.0"
  effectiveDate: "2026-03-01"
  supervisoryAuthority: { en: the Cyberspace Administration of China, zh-Hans: 国家网信部门, zh-Hant: 國家網信部門, ko: 개인정보보호위원회 }
  childAge: 14
categories:
  - { id: name, kind: name, labels: { en: Name, zh-Hans: 姓名, zh-Hant: 姓名, ko: 이름 } }
  - { id: phone, kind: cn-mobile, labels: { en: Mobile number, zh-Hans: 手机号码, zh-Hant: 手機號碼, ko: 휴대전화번호 }, minimum: true }
  - { id: address, kind: address, labels: { en: Delivery address, zh-Hans: 收货地址, zh-Hant: 收件地址, ko: 배송지 주소 } }
  - { id: orders, kind: order-number, labels: { en: Order history, zh-Hans: 订单记录, zh-Hant: 訂單紀錄, ko: 주문 내역 }, origin: derived }
  - id: credit
    kind: other
    origin: indirect
    labels: { en: Credit score, zh-Hans: 信用评分, zh-Hant: 信用評分, ko: 신용점수 }
    source: { en: Credit bureau, zh-Hans: 征信机构, zh-Hant: 信用評等機構, ko: 신용평가기관 }
  - id: face
    kind: biometric
    labels: { en: Face image, zh-Hans: 面部图像, zh-Hant: 臉部影像, ko: 얼굴 이미지 }
    sensitivity: { pipl: sensitive, pipa: sensitive, gdpr: special }
    necessity: { en: Needed to sign in by face, zh-Hans: 用于刷脸登录, zh-Hant: 用於刷臉登入, ko: 얼굴 인식 로그인에 필요합니다 }
    impact: { en: A leaked face image cannot be changed, zh-Hans: 泄露后无法更改, zh-Hant: 外洩後無法更改, ko: 유출되면 바꿀 수 없습니다 }
  - id: passport
    kind: passport
    labels: { en: Passport number, zh-Hans: 护照号码, zh-Hant: 護照號碼, ko: 여권번호 }
    sensitivity: { pipa: unique-id }
    statute: { en: Customs Act, zh-Hans: 海关法, zh-Hant: 海關法, ko: 관세법 }
  - { id: device, kind: device-id, labels: { en: Device identifier, zh-Hans: 设备标识符, zh-Hant: 裝置識別碼, ko: 기기 식별자 } }
roles:
  - { id: customer, labels: { en: Customers, zh-Hans: 顾客, zh-Hant: 顧客, ko: 고객 } }
purposes:
  - id: account
    labels: { en: Account and orders, zh-Hans: 账户与订单, zh-Hant: 帳號與訂單, ko: 회원 관리 및 주문 }
    categories: [name, phone, address, orders]
    roles: [customer]
    legalBasis: contract
    required: true
    method: { en: Stored and read by our order system, zh-Hans: 由订单系统存储和读取, zh-Hant: 由訂單系統儲存及讀取, ko: 주문 시스템에 저장하고 조회 }
    retention: { until: account-closed, grace: P30D }
  - id: credit-check
    labels: { en: Credit check for instalments, zh-Hans: 分期付款信用审核, zh-Hant: 分期付款信用審核, ko: 할부 신용 심사 }
    categories: [name, credit]
    legalBasis: contract
    required: false
    adm:
      significantEffect: true
      humanReview: true
      logic: { en: A score below 600 declines instalments, zh-Hans: 评分低于600分时不提供分期, zh-Hant: 評分低於600分時不提供分期, ko: 점수가 600점 미만이면 할부를 제공하지 않습니다 }
    retention: { duration: P3Y, from: collection }
  - id: face-login
    labels: { en: Face login, zh-Hans: 刷脸登录, zh-Hant: 刷臉登入, ko: 얼굴 인식 로그인 }
    categories: [face]
    legalBasis: consent
    consentMechanism: separate
    required: false
    retention: { duration: P1Y, from: last-use }
  - id: customs
    labels: { en: Cross-border customs clearance, zh-Hans: 跨境清关, zh-Hant: 跨境通關, ko: 해외직구 통관 }
    categories: [name, passport, address]
    legalBasis: legal-obligation
    required: false
    retention: { duration: P5Y, rule: { en: "Customs Act, Art. 12", zh-Hans: 海关法第12条, zh-Hant: 海關法第12條, ko: 관세법 제12조 } }
  - id: marketing
    labels: { en: Newsletters and offers, zh-Hans: 新品与优惠通知, zh-Hant: 新品與優惠通知, ko: 뉴스레터 및 혜택 안내 }
    categories: [name, phone, orders, device]
    legalBasis: consent
    consentMechanism: general
    marketing: true
    profiling: true
    required: false
    retention: { until: consent-withdrawn }
recipients:
  - id: parent
    names: { en: Harbor Holdings K.K., zh-Hans: 海港控股株式会社, zh-Hant: 海港控股株式會社, ko: 하버홀딩스 주식회사 }
    kind: affiliate
    country: JP
    contact: { email: privacy@harbor.example.jp, address: { en: "2-7-1 Nihonbashi, Tokyo", zh-Hans: 东京都日本桥2-7-1, zh-Hant: 東京都日本橋2-7-1, ko: 도쿄도 니혼바시 2-7-1 } }
    purposes: [account]
    categories: [name, phone]
    method: { en: "Transfer, listing and viewing", zh-Hans: 数据的转发、清单化、查阅, zh-Hant: 資料的轉送、列表與查閱, ko: "전송, 목록화 및 열람" }
    retention: { en: Until the account is closed, zh-Hans: 至账户注销, zh-Hant: 至帳號刪除, ko: 회원 탈퇴 시까지 }
    transferTime: { en: Daily over an encrypted network, zh-Hans: 每日经加密网络传输, zh-Hant: 每日經加密網路傳輸, ko: 매일 암호화된 네트워크로 전송 }
    mechanism: { type: standard-contract, reference: "SC-2026-01" }
    rightsChannel: { en: Email privacy@harbor.example.jp, zh-Hans: 发送邮件至 privacy@harbor.example.jp, zh-Hant: 寄送電子郵件至 privacy@harbor.example.jp, ko: privacy@harbor.example.jp 로 이메일 }
  - id: courier
    names: { en: Swift Courier, zh-Hans: 迅捷快递, zh-Hant: 迅捷快遞, ko: 스위프트 택배 }
    kind: processor
    country: CN
    purposes: [account]
    categories: [name, phone, address]
  - id: bureau
    names: { en: Trust Credit Bureau, zh-Hans: 信诚征信, zh-Hant: 信誠徵信, ko: 트러스트 신용정보 }
    kind: third-party
    country: CN
    contact: { phone: "+86 10 5555 0199" }
    purposes: [credit-check]
    categories: [name]
  - id: analytics
    names: { en: Metrica Analytics, zh-Hans: 度量分析, zh-Hant: 度量分析, ko: 메트리카 분석 }
    kind: processor
    country: US
    purposes: [marketing]
    categories: [device]
    mechanism: { type: scc }
scenarios:
  - id: signup
    labels: { en: When you register, zh-Hans: 注册账户时, zh-Hant: 註冊帳號時, ko: 회원가입 시 }
    purposes: [account]
  - id: credit-report
    labels: { en: When you apply for instalments, zh-Hans: 申请分期付款时, zh-Hant: 申請分期付款時, ko: 할부 신청 시 }
    purposes: [credit-check]
    categories: [credit]
    source: indirect
    sourceDetail: { en: From the credit bureau, zh-Hans: 来自征信机构, zh-Hant: 來自信用評等機構, ko: 신용평가기관으로부터 }
trackers:
  - { id: session, class: necessary, cookies: [sid], labels: { en: Session cookie, zh-Hans: 会话标识, zh-Hant: 工作階段識別, ko: 세션 쿠키 }, retention: PT24H }
  - { id: metrica, class: analytics, recipient: analytics, purposes: [marketing], cookies: [_mt, _mtid], labels: { en: Metrica tag, zh-Hans: 度量统计代码, zh-Hant: 度量統計代碼, ko: 메트리카 태그 }, retention: P13M }
permissions:
  - { id: cam, permission: camera, purposes: [face-login], labels: { en: Camera for face login, zh-Hans: 用于刷脸登录的相机, zh-Hant: 用於刷臉登入的相機, ko: 얼굴 인식 로그인용 카메라 } }
security:
  - { id: tls, labels: { en: Encryption in transit (TLS), zh-Hans: 传输加密, zh-Hant: 傳輸加密, ko: 전송 구간 암호화 } }
  - { id: rbac, labels: { en: Role-based access control, zh-Hans: 基于角色的访问控制, zh-Hant: 以角色為基礎的存取控制, ko: 역할 기반 접근 통제 } }
rightsChannels:
  - { id: center, kind: web, contact: "https://harbor.example/privacy-center", labels: { en: Privacy center, zh-Hans: 隐私中心, zh-Hant: 隱私中心, ko: 개인정보 센터 } }
  - { id: mail, kind: email, contact: privacy@harbor.example, rights: [access, erase, complain], labels: { en: Privacy mailbox, zh-Hans: 隐私邮箱, zh-Hant: 隱私信箱, ko: 개인정보 문의 메일 } }
fees: { firstCopyFree: true, amount: 10, currency: CNY, period: P1Y }
`;

/** The full test registry, parsed and validated. */
export function fullRegistry(): Registry {
  const r = loadRegistry(FULL_REGISTRY_YAML, 'full.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  return r.registry;
}
