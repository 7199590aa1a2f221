/**
 * What demo documents are about. Each subject is a noun phrase that reads naturally inside
 * government titles (关于进一步做好{subject}工作的通知, {place}{subject}管理办法), with the theme,
 * audience, 服务对象 and 生命周期 codes from DEFAULT_TERMS that a real document on it would carry.
 */
export interface Subject {
  text: string;
  theme: string;
  audience: 'person' | 'enterprise' | 'both' | null;
  objects: string[];
  lifecycle: string[];
  keywords: string[];
}

// text | theme | audience (P person, E enterprise, B both, - none) | service objects | lifecycle | 主题词
const TABLE = `
政务公开标准化规范化建设|general.disclosure|-|||政务公开 标准化
政府信息主动公开|general.disclosure|-|||政府信息公开 主动公开
政策解读与回应社会关切|general.disclosure|-|||政策解读 回应关切
突发事件应急预案管理|general.emergency|-|||应急预案 突发事件
防汛抗旱应急处置|general.emergency|-|||防汛 抗旱 应急
政务服务“一网通办”|general.e_government|B||insurance establishment|一网通办 政务服务
“高效办成一件事”改革|general.e_government|B||birth closure|高效办成一件事 政务服务
政务数据共享开放|general.e_government|-|||数据共享 政务数据
政务督查激励|general.inspection|-|||督查 激励
12345政务服务便民热线诉求办理|general.petitions|B||insurance operation|12345热线 诉求办理
信访工作法治化|general.petitions|-|||信访 法治化
国民经济和社会发展计划执行|economy.planning|-|||国民经济 发展计划
重大项目建设|economy.planning|E|state_owned private|financing|重大项目 项目建设
稳经济一揽子政策措施落实|economy.operation|E|small_micro private|operation financing|稳经济 稳增长
促进民营经济发展壮大|economy.reform|E|private small_micro|operation financing|民营经济 营商环境
营商环境优化提升|economy.reform|E|private individual_business foreign_invested|establishment operation|营商环境 放管服
国有企业改革深化提升行动|economy.state_assets|E|state_owned|operation change|国企改革 国有资产
国有资产监督管理|economy.state_assets|E|state_owned|operation|国有资产 监督管理
居民生活用水阶梯价格|economy.prices|P|low_income|housing|阶梯水价 价格
涉企收费清理规范|economy.prices|E|small_micro individual_business|operation|涉企收费 减负
小微企业和个体工商户税费优惠|finance.tax|E|small_micro individual_business|operation|税费优惠 减税降费
预算绩效管理|finance.fiscal|-|||预算 绩效管理
政府采购支持中小企业发展|finance.fiscal|E|small_micro specialised_smes|operation|政府采购 中小企业
衔接推进乡村振兴补助资金管理|finance.fiscal|P|farmers low_income|employment|衔接资金 乡村振兴
普惠金融服务小微企业|finance.banking|E|small_micro individual_business agri_business|financing|普惠金融 融资
创业担保贷款贴息|finance.banking|B|graduates unemployed small_micro|employment financing|创业担保贷款 贴息
政府性融资担保体系建设|finance.banking|E|small_micro specialised_smes|financing|融资担保 信贷
审计查出问题整改|finance.audit|-|||审计 整改
内部审计|finance.audit|-|||内部审计
城乡建设用地增减挂钩|land_energy.land|-|||建设用地 增减挂钩
农村宅基地管理|land_energy.land|P|farmers|housing|宅基地 农村
工业用地“标准地”出让|land_energy.land|E|high_tech private|establishment financing|标准地 工业用地
矿产资源开发利用|land_energy.minerals|E|state_owned private|operation|矿产资源 矿业权
分布式光伏发电开发|land_energy.energy|B|farmers private|housing operation|光伏 新能源
煤炭行业转型发展|land_energy.energy|E|state_owned|operation change|煤炭 转型
新能源汽车充电基础设施建设|land_energy.energy|B||housing operation|充电桩 新能源汽车
耕地地力保护补贴发放|agriculture.farming|P|farmers|employment|耕地地力保护补贴 惠农
高标准农田建设|agriculture.farming|B|agri_business farmers|operation employment|高标准农田 粮食安全
新型农业经营主体培育|agriculture.farming|E|agri_business|establishment operation|家庭农场 农民合作社
生猪产业稳产保供|agriculture.farming|E|agri_business|operation|生猪 稳产保供
农业保险保费补贴|agriculture.farming|B|farmers agri_business|insurance financing|农业保险 保费补贴
集体林权制度改革|agriculture.forestry|P|farmers|employment|林权 林长制
油茶产业高质量发展|agriculture.forestry|E|agri_business|operation financing|油茶 林业产业
森林防灭火|agriculture.forestry|-|||森林防火
农村供水保障|agriculture.water|P|farmers|housing|饮水安全 农村供水
河湖长制|agriculture.water|-|||河长制 湖长制
生产建设项目水土保持|agriculture.water|E|private|operation|水土保持
制造业数字化转型|industry_transport.industry|E|specialised_smes high_tech private|operation financing|数字化转型 制造业
专精特新中小企业培育|industry_transport.industry|E|specialised_smes small_micro|operation financing|专精特新 中小企业
工业园区提质增效|industry_transport.industry|E|private high_tech|establishment operation|工业园区 集约
传统产业转型升级|industry_transport.industry|E|state_owned private|change operation|产业升级 技术改造
5G网络和数字基础设施建设|industry_transport.digital|E|high_tech|operation|5G 数字基础设施
数字经济发展|industry_transport.digital|E|high_tech small_micro|establishment operation|数字经济
农村公路建设养护|industry_transport.transport|P|farmers|housing|农村公路 四好农村路
城市公共交通优先发展|industry_transport.transport|P|elderly students|schooling retirement|公共交通 公交
道路运输行业管理|industry_transport.transport|E|individual_business private|operation change|道路运输 客运
促进消费扩容提质|commerce.domestic|B|individual_business|housing operation|消费 提振消费
家电以旧换新补贴|commerce.domestic|P|low_income|housing|以旧换新 家电
县域商业体系建设|commerce.domestic|E|individual_business agri_business|operation|县域商业 物流
外贸稳规模优结构|commerce.foreign|E|foreign_trade foreign_invested|operation financing|外贸 出口
跨境电子商务发展|commerce.foreign|E|foreign_trade small_micro|establishment operation|跨境电商
利用外资|commerce.foreign|E|foreign_invested|establishment financing|外资 招商引资
口岸通关便利化|commerce.customs|E|foreign_trade|operation|通关 口岸
文化和旅游消费|commerce.tourism|B|individual_business elderly|retirement operation|文旅消费 旅游
乡村旅游发展|commerce.tourism|B|farmers individual_business|employment operation|乡村旅游 民宿
A级旅游景区管理|commerce.tourism|E|private|operation|A级景区
企业开办便利化|market_safety.market|E|small_micro individual_business|establishment|企业开办 登记
经营主体登记管理|market_safety.market|E|individual_business private|establishment change|经营主体 登记
企业简易注销|market_safety.market|E|small_micro individual_business|closure|简易注销 注销登记
个体工商户分型分类精准帮扶|market_safety.market|E|individual_business|operation change|个体工商户 帮扶
信用修复|market_safety.market|E|private small_micro|operation change|信用修复 信用
质量品牌建设|market_safety.market|E|private specialised_smes|operation|质量 品牌
安全生产治本攻坚|market_safety.work_safety|E|state_owned private|operation|安全生产 隐患排查
危险化学品安全管理|market_safety.work_safety|E|private|operation|危险化学品
消防安全|market_safety.work_safety|B||housing operation|消防 火灾
食品安全监督抽检|market_safety.food_drugs|B|individual_business|insurance operation|食品安全 抽检
校园食品安全|market_safety.food_drugs|P|students children|schooling|校园食品安全
药品零售连锁经营|market_safety.food_drugs|E|individual_business|establishment operation|药品 零售
国土空间规划实施|urban_environment.planning|-|||国土空间规划
城市更新|urban_environment.planning|P|low_income elderly|housing|城市更新
城镇老旧小区改造|urban_environment.construction|P|elderly low_income|housing retirement|老旧小区 改造
保障性住房建设|urban_environment.construction|P|low_income graduates migrant_workers|housing|保障性住房 公租房
住房公积金提取|urban_environment.construction|P|graduates migrant_workers|housing employment|住房公积金 租房提取
农村危房改造|urban_environment.construction|P|farmers low_income disabled|housing|危房改造
建筑业高质量发展|urban_environment.construction|E|private state_owned|operation hiring|建筑业 资质
商品房预售资金监管|urban_environment.construction|B||housing operation|预售资金 房地产
海绵城市建设|urban_environment.construction|-|||海绵城市
生活垃圾分类|urban_environment.environment|P||housing|垃圾分类
大气污染防治|urban_environment.environment|E|private state_owned|operation|大气污染 蓝天保卫战
排污许可管理|urban_environment.environment|E|private|establishment operation change|排污许可
建设项目环境影响评价审批|urban_environment.environment|E|private|establishment|环评 审批
节能降碳|urban_environment.energy_saving|E|state_owned private|operation|节能 降碳
再生资源回收利用|urban_environment.energy_saving|E|private individual_business|operation|再生资源 回收
科技型中小企业研发费用后补助|science_education.science|E|high_tech specialised_smes|financing operation|研发费用 后补助
高新技术企业培育|science_education.science|E|high_tech|operation|高新技术企业 认定
科技成果转移转化|science_education.science|E|high_tech|financing|成果转化
人才引进和科技创新|science_education.science|P|talent|employment housing|人才引进 科技创新
义务教育招生入学|science_education.education|P|children students|schooling|义务教育 招生入学
学生资助|science_education.education|P|students low_income|schooling|学生资助 助学金
学前教育普惠发展|science_education.education|P|children|schooling|学前教育 普惠幼儿园
职业技能提升|science_education.education|B|unemployed migrant_workers|employment hiring|职业技能 培训
随迁子女入学|science_education.education|P|migrant_workers children|schooling|随迁子女 入学
特殊教育|science_education.education|P|disabled children|schooling|特殊教育 残疾儿童
校外培训监管|science_education.education|E|private social_org|operation|校外培训 双减
公共文化服务体系建设|culture.culture|P|elderly children|retirement schooling|公共文化 文化服务
非物质文化遗产保护|culture.culture|-|||非遗 文化遗产
红色文化资源保护利用|culture.culture|-|||红色文化 革命文物
农村电影公益放映|culture.broadcasting|P|farmers|retirement|农村电影 公益放映
应急广播体系建设|culture.broadcasting|-|||应急广播
全民阅读|culture.publishing|P|children students|schooling|全民阅读 书香
出版物市场管理|culture.publishing|E|individual_business|operation|出版物 市场
基层医疗卫生服务能力提升|health_sports.health|P|farmers elderly|insurance|基层医疗 卫生院
家庭医生签约服务|health_sports.health|P|elderly disabled|insurance retirement|家庭医生 签约服务
出生医学证明办理|health_sports.health|P|children women|birth|出生医学证明 新生儿
妇幼健康服务|health_sports.health|P|women children|birth marriage|妇幼健康 孕产妇
医养结合|health_sports.health|B|elderly|retirement operation|医养结合 养老
药品和医用耗材集中带量采购|health_sports.medicine|B||insurance operation|集中带量采购 药品
医保定点医药机构管理|health_sports.medicine|E|private|operation|定点医药机构 医保
全民健身|health_sports.sports|P|elderly children|retirement schooling|全民健身 体育
体育产业发展|health_sports.sports|E|private small_micro|operation establishment|体育产业 赛事
育儿补贴发放|population.family|P|children women|birth marriage|育儿补贴 生育
生育支持政策|population.family|P|women|marriage birth|生育支持 婚育
托育服务体系建设|population.family|B|children|birth operation|托育 婴幼儿照护
计划生育家庭特别扶助|population.family|P|elderly|retirement|特别扶助 计划生育
妇女儿童发展规划实施|population.women_children|P|women children|birth schooling|妇女 儿童
农村留守儿童关爱保护|population.women_children|P|children farmers|schooling|留守儿童 关爱
困境儿童保障|population.women_children|P|children low_income|schooling birth|困境儿童 保障
高校毕业生就业创业|labor.employment|P|graduates|employment|高校毕业生 就业创业
稳就业|labor.employment|B|graduates unemployed migrant_workers|employment hiring|稳就业 就业
就业困难人员认定和援助|labor.employment|P|unemployed disabled low_income|employment|就业困难人员 就业援助
农民工返乡创业|labor.employment|P|migrant_workers farmers|employment|返乡创业 农民工
一次性吸纳就业补贴|labor.employment|E|small_micro private|hiring|吸纳就业补贴 用工
根治欠薪|labor.employment|B|migrant_workers|employment hiring|农民工工资 欠薪
失业保险稳岗返还|labor.social_security|E|small_micro private state_owned|hiring|稳岗返还 失业保险
新就业形态劳动者权益保障|labor.social_security|B|gig_workers|insurance hiring|新就业形态 权益保障
灵活就业人员参加社会保险|labor.social_security|P|gig_workers unemployed|insurance|灵活就业 社会保险
城乡居民基本养老保险|labor.social_security|P|farmers elderly|retirement insurance|城乡居民养老保险 养老金
企业职工基本养老保险|labor.social_security|B|elderly|retirement hiring|职工养老保险 退休
工伤保险|labor.social_security|B|migrant_workers|insurance hiring|工伤保险 工伤认定
城乡居民基本医疗保险参保缴费|labor.social_security|P|farmers students|insurance|医疗保险 参保缴费
长期护理保险|labor.social_security|P|elderly disabled|retirement insurance|长期护理保险 失能
丧葬补助金和抚恤金发放|labor.social_security|P|elderly|after_death|丧葬补助金 抚恤金
事业单位公开招聘|labor.personnel|P|graduates talent|employment|事业单位 公开招聘
高层次人才服务保障|labor.personnel|P|talent|employment housing|高层次人才 人才服务
职称评审|labor.personnel|P|talent|employment|职称评审 专业技术人才
公职人员监督|labor.supervision|-|||监察 监督
户籍制度改革|public_security.police|P|migrant_workers|birth housing|户籍 落户
居住证办理|public_security.police|P|migrant_workers|housing|居住证
道路交通安全管理|public_security.police|-|||交通安全
电动自行车安全管理|public_security.police|P||housing|电动自行车
公共法律服务体系建设|public_security.justice|P|low_income elderly|employment|公共法律服务
法律援助|public_security.justice|P|low_income migrant_workers disabled|employment|法律援助
人民调解|public_security.justice|-|||人民调解 矛盾纠纷
涉企行政执法监督|public_security.justice|E|private small_micro|operation|行政执法 涉企
行政复议|public_security.justice|-|||行政复议
最低生活保障|civil_affairs.civil|P|low_income disabled|insurance|低保 社会救助
特困人员救助供养|civil_affairs.civil|P|low_income elderly disabled|retirement|特困人员 供养
临时救助|civil_affairs.civil|P|low_income|insurance|临时救助
残疾人两项补贴|civil_affairs.civil|P|disabled|insurance|残疾人 补贴
居家和社区养老服务|civil_affairs.civil|B|elderly|retirement operation|居家养老 社区养老
高龄津贴发放|civil_affairs.civil|P|elderly|retirement|高龄津贴
殡葬改革|civil_affairs.civil|P||after_death|殡葬 惠民殡葬
婚姻登记服务|civil_affairs.civil|P||marriage|婚姻登记
社会组织登记管理|civil_affairs.civil|E|social_org|establishment change closure|社会组织 登记
退役军人就业创业|civil_affairs.civil|P|veterans|employment|退役军人 就业创业
退役军人优待|civil_affairs.civil|P|veterans|insurance housing|优待证 优待
烈士褒扬|civil_affairs.civil|P|veterans|after_death|烈士 褒扬
巩固拓展脱贫攻坚成果|civil_affairs.rural_revitalisation|P|farmers low_income|employment|脱贫 乡村振兴
防止返贫致贫监测帮扶|civil_affairs.rural_revitalisation|P|farmers low_income|employment insurance|防返贫 监测帮扶
和美乡村建设|civil_affairs.rural_revitalisation|P|farmers|housing|和美乡村 人居环境
自然灾害救助|civil_affairs.disaster_relief|P|low_income farmers|housing|灾害救助 受灾群众
地质灾害防治|civil_affairs.disaster_relief|-|||地质灾害
民族团结进步创建|ethnic_religion|-|||民族团结
宗教活动场所管理|ethnic_religion|E|social_org|operation|宗教活动场所
因公出国（境）管理|foreign_affairs|-|||因公出国
国际友好城市交流|foreign_affairs|-|||友好城市
外籍人才服务管理|foreign_affairs|P|talent|employment|外籍人才
台资企业投资服务|hmt_overseas|E|foreign_invested|financing establishment|台资企业
归侨侨眷权益保护|hmt_overseas|P|elderly|insurance|归侨侨眷
港澳青年创新创业|hmt_overseas|P|graduates|employment|港澳青年
征兵|defense.mobilisation|P|students graduates|employment schooling|征兵 大学生参军
全民国防教育|defense.mobilisation|P|students|schooling|国防教育
拥军优属|defense|P|veterans|insurance|双拥 拥军优属
人防工程建设管理|defense.civil_air_defense|E|private|operation|人防工程
防空警报试鸣|defense.civil_air_defense|-|||防空警报
地方志编纂|other|-|||地方志
气象灾害防御|other|-|||气象
档案管理|other|-|||档案
机关事务管理|other|-|||机关事务
`;

const AUDIENCE = { P: 'person', E: 'enterprise', B: 'both', '-': null } as const;
const words = (s: string | undefined) => (s ? s.split(' ') : []);

export const SUBJECTS: readonly Subject[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [text, theme, audience, objects, lifecycle, keywords] = line.split('|');
    return {
      text: text!,
      theme: theme!,
      audience: AUDIENCE[audience as keyof typeof AUDIENCE],
      objects: words(objects),
      lifecycle: words(lifecycle),
      keywords: words(keywords),
    };
  });

/**
 * Laws and regulations a document typically cites as its basis (根据…), by theme code; a
 * second-level theme without its own entry uses its first-level theme's.
 */
export const LEGAL_BASIS: Record<string, readonly string[]> = {
  'economy.prices': ['《中华人民共和国价格法》'],
  'economy.state_assets': ['《中华人民共和国企业国有资产法》', '《企业国有资产监督管理暂行条例》'],
  'economy.reform': ['《优化营商环境条例》', '《保障中小企业款项支付条例》'],
  'finance.audit': ['《中华人民共和国审计法》'],
  'finance.tax': ['《中华人民共和国税收征收管理法》'],
  'market_safety.work_safety': ['《中华人民共和国安全生产法》'],
  'market_safety.food_drugs': ['《中华人民共和国食品安全法》', '《中华人民共和国药品管理法》'],
  'market_safety.market': ['《中华人民共和国市场主体登记管理条例》', '《促进个体工商户发展条例》'],
  'science_education.science': ['《中华人民共和国科学技术进步法》', '《中华人民共和国促进科技成果转化法》'],
  'science_education.education': ['《中华人民共和国教育法》', '《中华人民共和国义务教育法》'],
  'labor.employment': ['《中华人民共和国就业促进法》', '《保障农民工工资支付条例》'],
  'labor.social_security': ['《中华人民共和国社会保险法》'],
  'labor.personnel': ['《事业单位人事管理条例》'],
  'health_sports.sports': ['《中华人民共和国体育法》'],
  'health_sports.medicine': ['《医疗保障基金使用监督管理条例》', '《中华人民共和国药品管理法》'],
  'urban_environment.environment': ['《中华人民共和国环境保护法》', '《中华人民共和国大气污染防治法》'],
  'urban_environment.planning': ['《中华人民共和国城乡规划法》', '《中华人民共和国土地管理法》'],
  general: ['《中华人民共和国政府信息公开条例》', '《优化营商环境条例》', '《中华人民共和国突发事件应对法》'],
  economy: ['《优化营商环境条例》', '《中华人民共和国企业国有资产法》', '《中华人民共和国价格法》'],
  finance: ['《中华人民共和国预算法》', '《中华人民共和国审计法》', '《中华人民共和国中小企业促进法》'],
  land_energy: ['《中华人民共和国土地管理法》', '《中华人民共和国矿产资源法》', '《中华人民共和国能源法》'],
  agriculture: ['《中华人民共和国农业法》', '《中华人民共和国森林法》', '《中华人民共和国水法》', '《中华人民共和国乡村振兴促进法》'],
  industry_transport: ['《中华人民共和国中小企业促进法》', '《中华人民共和国公路法》', '《中华人民共和国科学技术进步法》'],
  commerce: ['《中华人民共和国对外贸易法》', '《中华人民共和国外商投资法》', '《中华人民共和国旅游法》'],
  market_safety: ['《中华人民共和国市场主体登记管理条例》', '《中华人民共和国安全生产法》', '《中华人民共和国食品安全法》'],
  urban_environment: ['《中华人民共和国城乡规划法》', '《中华人民共和国环境保护法》', '《住房公积金管理条例》'],
  science_education: ['《中华人民共和国科学技术进步法》', '《中华人民共和国教育法》', '《中华人民共和国义务教育法》'],
  culture: ['《中华人民共和国公共文化服务保障法》', '《中华人民共和国非物质文化遗产法》'],
  health_sports: ['《中华人民共和国基本医疗卫生与健康促进法》', '《中华人民共和国体育法》', '《医疗保障基金使用监督管理条例》'],
  population: ['《中华人民共和国人口与计划生育法》', '《中华人民共和国妇女权益保障法》', '《中华人民共和国未成年人保护法》'],
  labor: ['《中华人民共和国就业促进法》', '《中华人民共和国社会保险法》', '《中华人民共和国劳动合同法》'],
  public_security: ['《中华人民共和国法律援助法》', '《中华人民共和国道路交通安全法》', '《中华人民共和国人民调解法》'],
  civil_affairs: ['《社会救助暂行办法》', '《中华人民共和国老年人权益保障法》', '《中华人民共和国退役军人保障法》'],
  ethnic_religion: ['《宗教事务条例》'],
  foreign_affairs: ['《中华人民共和国出境入境管理法》'],
  hmt_overseas: ['《中华人民共和国归侨侨眷权益保护法》', '《中华人民共和国台湾同胞投资保护法》'],
  defense: ['《中华人民共和国国防法》', '《中华人民共和国兵役法》', '《中华人民共和国人民防空法》'],
  other: ['《中华人民共和国档案法》', '《地方志工作条例》', '《中华人民共和国气象法》'],
};
