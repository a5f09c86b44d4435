/** What a village's "我为群众办实事" list holds: projects by category, with the steps they go through. */

export interface ProjectIdea {
  title: string;
  category: string;
  /** The project's milestones, in order (3–6 are used). */
  steps: readonly string[];
  /** Budget range in units of 5,000 yuan. */
  budget: [number, number];
  source: '群众诉求' | '走访调研' | '上级部署' | '微心愿' | '其他';
}

const BUILD = ['入户摸底', '村民代表会议表决', '方案及预算公示', '施工队进场施工', '竣工验收', '资金使用公示'];
const SERVICE = ['需求摸底', '制定服务方案', '村两委会议研究', '组织实施', '群众评议'];
const GOODS = ['需求登记', '采购询价', '物资入库', '发放登记', '公示'];

/** Ordered by category in the order the project library groups them; the seed cycles through all eight. */
export const PROJECT_IDEAS: readonly ProjectIdea[] = [
  {
    title: '村内主干道路灯安装',
    category: '基础设施',
    steps: ['线路勘察', '村民代表会议表决', '采购路灯', '安装调试', '验收并公示'],
    budget: [4, 12],
    source: '群众诉求',
  },
  { title: '东组村道硬化', category: '基础设施', steps: BUILD, budget: [10, 40], source: '群众诉求' },
  { title: '老旧自来水管网改造', category: '基础设施', steps: BUILD, budget: [8, 30], source: '走访调研' },
  { title: '文化广场修缮', category: '基础设施', steps: BUILD, budget: [3, 10], source: '走访调研' },
  { title: '爱心超市物资补充', category: '民生保障', steps: GOODS, budget: [1, 3], source: '上级部署' },
  {
    title: '困难群众冬季取暖补助',
    category: '民生保障',
    steps: ['困难户摸底', '村民代表评议', '名单公示', '补助发放'],
    budget: [2, 6],
    source: '走访调研',
  },
  { title: '老年食堂运营', category: '民生保障', steps: SERVICE, budget: [2, 8], source: '群众诉求' },
  {
    title: '农村改厕',
    category: '人居环境',
    steps: ['入户摸底', '改厕户公示', '施工改造', '逐户验收'],
    budget: [6, 20],
    source: '上级部署',
  },
  { title: '垃圾集中收运点建设', category: '人居环境', steps: BUILD, budget: [2, 8], source: '群众诉求' },
  {
    title: '村内坑塘整治',
    category: '人居环境',
    steps: ['现场勘察', '清淤方案公示', '清淤施工', '护坡绿化', '验收'],
    budget: [3, 12],
    source: '走访调研',
  },
  { title: '留守儿童周末课堂', category: '教育', steps: SERVICE, budget: [1, 2], source: '微心愿' },
  {
    title: '村小学围墙维修',
    category: '教育',
    steps: ['现场查看', '维修方案', '施工', '验收'],
    budget: [1, 4],
    source: '群众诉求',
  },
  { title: '村卫生室设备添置', category: '医疗卫生', steps: GOODS, budget: [2, 6], source: '上级部署' },
  {
    title: '老年人免费健康体检',
    category: '医疗卫生',
    steps: ['登记造册', '联系镇卫生院', '组织体检', '结果反馈到户'],
    budget: [1, 3],
    source: '上级部署',
  },
  {
    title: '危房排查与改造',
    category: '住房与城乡建设',
    steps: ['逐户排查', '鉴定危房等级', '改造户公示', '施工改造', '竣工验收'],
    budget: [6, 24],
    source: '上级部署',
  },
  {
    title: '村民活动中心屋顶防水维修',
    category: '住房与城乡建设',
    steps: ['现场查看', '维修方案', '施工', '验收'],
    budget: [1, 4],
    source: '群众诉求',
  },
  {
    title: '山芋粉丝加工车间改造',
    category: '产业发展',
    steps: ['合作社议定方案', '设备采购', '车间改造', '试生产', '验收'],
    budget: [8, 30],
    source: '走访调研',
  },
  { title: '高标准农田灌溉设施', category: '产业发展', steps: BUILD, budget: [10, 40], source: '上级部署' },
  {
    title: '特色果园技术培训',
    category: '产业发展',
    steps: ['联系农技员', '发布培训通知', '集中培训', '田间指导'],
    budget: [1, 2],
    source: '走访调研',
  },
  {
    title: '村级档案室规范化建设',
    category: '其他',
    steps: ['档案清点', '购置档案柜', '分类整理', '验收'],
    budget: [1, 3],
    source: '上级部署',
  },
  {
    title: '村规民约修订',
    category: '其他',
    steps: ['征求意见', '村两委会议研究', '村民代表会议表决', '张榜公布'],
    budget: [0, 1],
    source: '其他',
  },
  {
    title: '村庄绿化补植',
    category: '人居环境',
    steps: ['选定补植点位', '采购苗木', '组织补植', '成活率验收'],
    budget: [1, 4],
    source: '走访调研',
  },
  {
    title: '暑期学生安全教育',
    category: '教育',
    steps: ['制定方案', '发放告知书', '集中宣讲', '巡查河塘'],
    budget: [0, 1],
    source: '上级部署',
  },
  {
    title: '村集体光伏发电项目',
    category: '产业发展',
    steps: ['选址论证', '村民代表会议表决', '设备安装', '并网发电', '收益公示'],
    budget: [20, 60],
    source: '上级部署',
  },
];

export const UNITS = ['村委会', '村股份经济合作社', '驻村工作队', '村党支部'] as const;
export const FUND_SOURCES = ['村集体经济', '衔接资金', '财政专项资金', '一事一议财政奖补', '社会捐助'] as const;

export const FOLLOW_UP_FEEDBACK: Record<'满意' | '基本满意' | '不满意', readonly string[]> = {
  满意: ['群众反映办得实在，没有意见。', '回访了8户，都说比以前方便多了。', '老人们说这件事办到了心坎上。'],
  基本满意: ['总体认可，希望后续管护跟上。', '群众认可，有2户提出施工时间偏长。'],
  不满意: ['有村民反映部分地段质量不好，要求返工。', '群众认为进度太慢，要求说明情况。'],
};
