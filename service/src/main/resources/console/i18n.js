// Chinese (zh-CN, the default) and English: labels, enum names, number and date formats. Reasons, tasks and rule
// names come from the service in the console's language (every request says it in Accept-Language); the labels
// of values come from the service too (GET /api/v1/labels, useLabels).
const WORDS = {
  'app.title': ['jipan 基盘', 'jipan'],
  'nav.rules': ['规则', 'Rules'],
  'nav.signOut': ['退出', 'Sign out'],
  'signIn.title': ['登录', 'Sign in'],
  'signIn.key': ['API 密钥', 'API key'],
  'signIn.submit': ['登录', 'Sign in'],
  'signIn.help': ['输入管理员发给您的 API 密钥。演示环境：demo-analyst（分析师）、demo-viewer（只读报表）。',
    'Enter the API key your administrator gave you. Demo: demo-analyst (analyst), demo-viewer (reports only).'],
  'signIn.refused': ['密钥无效', 'Unknown key'],
  'signedInAs': ['当前用户', 'Signed in as'],
  'role.ANALYST': ['分析师', 'Analyst'],
  'role.INTEGRATION': ['系统集成', 'Integration'],
  'role.SERVICE': ['服务经理', 'Service manager'],
  'role.VIEWER': ['只读', 'Viewer'],
  'rules.title': ['规则', 'Rules'],
  'rules.guide': ['规则编写指南（分析师用）', "The analyst's guide to the rules"],
  'rules.glossary': ['术语表', 'Glossary'],
  'rules.live': ['当前生效版本', 'Live version'],
  'rules.since': ['生效时间', 'Live since'],
  'rules.count': ['规则数', 'Rules'],
  'rules.files': ['规则文件', 'Rule files'],
  'table.help': ['决策表：下载后在 Excel 中修改数据行（如战败原因、类别、跟进动作、分数段），再上传，然后校验、运行测试用例并发布。错误会指出工作表和单元格。',
    'Decision table: download it, change its rows in Excel (defeat reasons, categories, actions, score bands), upload it, then validate, run the fixtures and publish. Problems name the sheet and cell.'],
  'table.download': ['下载 Excel', 'Download Excel'],
  'table.upload': ['上传修改后的表格', 'Upload the edited table'],
  'table.none': ['尚未上传', 'nothing uploaded yet'],
  'table.chosen': ['已选择', 'Chosen'],
  'table.uploadFirst': ['请先上传修改后的表格。', 'Upload the edited table first.'],
  'table.drl': ['此表生成的 DRL（只读）', 'The DRL this table generates (read-only)'],
  'rules.notAllowed': ['您的角色没有可用的页面。', 'Your role has no page here.'],
  'settings.title': ['阈值设置', 'Settings'],
  'settings.help': ['修改数值即可调整规则，无需编写 DRL。先校验、测试并查看影响，再发布。',
    'Change a number to change the rules, no DRL needed. Validate, test and see the impact, then publish.'],
  'settings.setting': ['设置', 'Setting'],
  'settings.value': ['数值', 'Value'],
  'settings.meaning': ['说明', 'Meaning'],
  'settings.changed': ['已修改', 'changed'],
  'settings.noChange': ['没有修改任何数值。', 'No value has been changed.'],
  'action.validate': ['校验', 'Validate'],
  'action.test': ['运行测试用例', 'Run fixtures'],
  'action.impact': ['影响分析', 'Impact'],
  'action.publish': ['发布', 'Publish'],
  'action.reset': ['撤销修改', 'Undo changes'],
  'action.rollback': ['回滚到此版本', 'Roll back to this version'],
  'publish.comment': ['发布说明', 'Why (kept with the version)'],
  'impact.asOf': ['分析日期', 'As of'],
  'impact.customers': ['比较客户数', 'Customers compared'],
  'impact.from': ['原', 'from'],
  'impact.to': ['新', 'to'],
  'impact.tier': ['售后等级', 'Tier'],
  'impact.churn': ['流失状态', 'Churn'],
  'impact.baseGrade': ['基盘等级', 'Base grade'],
  'impact.loyaltyLevel': ['忠诚度等级', 'Loyalty level'],
  'impact.examples': ['示例客户', 'Example customers'],
  'result.valid': ['校验通过：规则可以编译，且只使用允许的内容。', 'Valid: the rules compile and use only what rules may.'],
  'result.invalid': ['校验未通过', 'Not valid'],
  'result.tests': ['测试用例', 'Fixtures'],
  'result.passed': ['通过', 'passed'],
  'result.failed': ['失败', 'failed'],
  'result.neverFired': ['从未触发的规则', 'Rules no fixture fired'],
  'result.published': ['已发布，当前生效版本：', 'Published; live version:'],
  'result.refused': ['未发布，原规则继续生效', 'Refused; the live rules stay'],
  'versions.title': ['版本历史', 'Versions'],
  'versions.seq': ['版本', 'Version'],
  'versions.author': ['发布人', 'By'],
  'versions.comment': ['说明', 'Comment'],
  'versions.at': ['时间', 'At'],
  'versions.active': ['生效中', 'live'],
  'fixtures.title': ['测试用例', 'Fixtures'],
  'fixtures.help': ['候选规则发布前必须通过的测试用例（YAML）。在这里修改后，下一次"运行测试用例"和"发布"会带上修改。',
    'The fixtures (YAML) a candidate must pass before it goes live. Changes made here go with the next test and publish.'],
  'fixtures.edit': ['修改此用例', 'Edit this fixture'],
  'fixtures.pending': ['已修改的测试用例', 'Changed fixtures'],
  'versions.activations': ['生效记录', 'Activation log'],
  'versions.how': ['方式', 'How'],
  'versions.from': ['替换的版本', 'Replaced'],
  'versions.compare': ['比较版本', 'Compare versions'],
  'versions.diff': ['显示差异', 'Show the differences'],
  'versions.same': ['两个版本的规则文件相同。', 'The two versions have the same files.'],
  'how.start': ['启动', 'start'], 'how.reload': ['重新加载', 'reload'], 'how.publish': ['发布', 'publish'],
  'how.rollback': ['回滚', 'rollback'], 'how.follow': ['同步', 'follow'], 'how.change': ['修改', 'change'],
  'change.added': ['新增', 'added'], 'change.removed': ['删除', 'removed'], 'change.changed': ['修改', 'changed'],
  'error.title': ['出错了', 'Something went wrong'],
  'nav.dashboards': ['看板', 'Dashboards'],
  'nav.customers': ['客户', 'Customers'],
  'nav.data': ['数据', 'Data'],
  'nav.calls': ['跟进', 'Call list'],
  'calls.title': ['跟进任务', 'Call list'],
  'calls.any': ['全部', 'any'],
  'calls.dueBy': ['截止到', 'Due by'],
  'calls.tasks': ['项任务', 'tasks'],
  'calls.lastVisit': ['最近进厂', 'Last visit'],
  'calls.state': ['状态', 'State'],
  'calls.state.open': ['待处理', 'Open'],
  'calls.state.handled': ['已处理', 'Handled'],
  'calls.state.all': ['全部', 'All'],
  'calls.outcome': ['处理结果', 'Outcome'],
  'calls.note': ['备注', 'Note'],
  'calls.person': ['人员', 'Person'],
  'calls.churnReason': ['流失原因', 'Why they left'],
  'calls.satisfaction': ['满意度', 'Satisfaction'],
  'data.title': ['数据', 'Data'],
  'data.imports': ['导入 DMS 导出文件', 'Import a DMS export'],
  'data.kind': ['文件类型', 'Kind'],
  'data.kind.customers': ['客户', 'Customers'],
  'data.kind.vehicles': ['车辆', 'Vehicles'],
  'data.kind.repair-orders': ['维修工单', 'Repair orders'],
  'data.kind.leads': ['销售线索', 'Leads'],
  'data.kind.complaints': ['投诉', 'Complaints'],
  'data.upload': ['上传并导入', 'Upload and import'],
  'data.rowsRead': ['读取行数', 'Rows read'],
  'data.imported': ['已导入', 'Imported'],
  'data.rejected': ['拒绝', 'Rejected'],
  'data.created': ['新增', 'new'],
  'data.updated': ['更新', 'updated'],
  'data.unchanged': ['未变', 'unchanged'],
  'data.titleRows': ['跳过表头上方的标题行', 'title lines above the header skipped'],
  'data.rejectedFile': ['下载被拒绝的行', 'Download the rejected rows'],
  'data.rejectedHelp': ['与上传文件同格式，末列为原因：改正后可直接重新导入。', 'in the upload\'s format with a reason column: fix them and import the file again.'],
  'data.line': ['行', 'Line'],
  'data.column': ['列', 'Column'],
  'data.reason': ['原因', 'Reason'],
  'data.history': ['导入历史', 'Import history'],
  'data.file': ['文件', 'File'],
  'data.runs': ['分类运行', 'Classification runs'],
  'data.run': ['运行', 'Run'],
  'data.startRun': ['开始分类运行', 'Start a run'],
  'customers.title': ['客户', 'Customers'],
  'customers.search': ['客户编号、姓名、电话或 VIN', 'Customer id, name, phone or VIN'],
  'customers.find': ['查找', 'Find'],
  'customers.none': ['没有找到客户。', 'No customer found.'],
  'customers.id': ['客户编号', 'Customer id'],
  'customers.name': ['姓名', 'Name'],
  'customers.phone': ['电话', 'Phone'],
  'customers.region': ['区域', 'Region'],
  'customers.industry': ['行业', 'Industry'],
  'customers.classification': ['分类结果', 'Classification'],
  'customers.classify': ['分类', 'Classify'],
  'customers.vehicles': ['车辆', 'Vehicles'],
  'customers.model': ['车型', 'Model'],
  'customers.purchased': ['购车日期', 'Bought'],
  'customers.warrantyEnd': ['保修截止', 'Warranty ends'],
  'customers.visits': ['进厂记录', 'Visits'],
  'customers.date': ['日期', 'Date'],
  'customers.ro': ['工单号', 'Repair order'],
  'customers.payType': ['付费类型', 'Pay type'],
  'customers.serviceType': ['维修类型', 'Service'],
  'customers.amount': ['金额', 'Amount'],
  'customers.mileage': ['里程', 'Mileage'],
  'customers.leads': ['销售线索', 'Leads'],
  'customers.lead': ['线索编号', 'Lead'],
  'customers.status': ['状态', 'Status'],
  'customers.defeatReason': ['战败原因', 'Defeat reason'],
  'customers.loyalty': ['忠诚度', 'Loyalty'],
  'customers.lifecycle': ['车辆生命周期', 'Vehicle lifecycle'],
  'topic.followups': ['跟进任务', 'Follow-ups'],
  'customers.followUps': ['跟进任务', 'Follow-ups'],
  'followUp.kind': ['任务', 'Task'],
  'followUp.subject': ['对象', 'About'],
  'followUp.due': ['截止日期', 'Due'],
  'followUp.priority': ['优先级', 'Priority'],
  'followUp.assignee': ['负责人', 'Who'],
  'topic.tiers': ['售后等级', 'Tier'],
  'topic.churn': ['流失状态', 'Churn'],
  'topic.loyalty': ['忠诚度', 'Loyalty'],
  'topic.grade': ['基盘等级', 'Base grade'],
  'topic.lifecycle': ['车辆生命周期', 'Vehicle lifecycle'],
  'topic.defeat': ['销售线索与战败', 'Leads and defeats'],
  'topic.window': ['统计窗口', 'Service window'],
  'topic.other': ['其他', 'Other'],
  'dashboard.title': ['看板', 'Dashboards'],
  'dashboard.period': ['统计期间', 'Period'],
  'dashboard.download.csv': ['下载 CSV', 'Download CSV'],
  'dashboard.download.xlsx': ['下载 Excel', 'Download Excel'],
  'dashboard.apply': ['应用', 'Apply'],
  'dashboard.by.region': ['按区域', 'by region'],
  'dashboard.by.industry': ['按行业', 'by industry'],
  'dashboard.churn': ['流失率', 'Churn'],
  'dashboard.customerShare': ['客户占比', 'Share of customers'],
  'dashboard.revenueShare': ['产值占比', 'Share of revenue'],
  'dashboard.customers': ['客户数', 'Customers'],
  'dashboard.visited': ['已回厂', 'Came back'],
  'dashboard.handled': ['已处理任务', 'Tasks handled'],
  'dashboard.leads': ['线索数', 'Leads'],
  'dashboard.defeated': ['战败数', 'Defeated'],
  'dashboard.defeatRate': ['战败率', 'Defeat rate'],
  'language': ['English', '中文'],
};

const ENUMS = {
  A: ['A 类', 'A'], B: ['B 类', 'B'], C: ['C 类', 'C'], D: ['D 类', 'D'],
  ACTIVE: ['活跃', 'Active'], AT_RISK: ['流失预警', 'At risk'], LOST: ['流失', 'Lost'],
  PREMIUM: ['优质', 'Premium'], POTENTIAL: ['潜力', 'Potential'], GENERAL: ['一般', 'General'],
  LOYAL: ['忠诚', 'Loyal'], ORDINARY: ['一般忠诚', 'Ordinary'], WEAK: ['较弱', 'Weak'],
  IN_WARRANTY: ['保修期内', 'In warranty'], FIRST_MAINTENANCE_DUE: ['首保待做', 'First maintenance due'],
  OUT_OF_WARRANTY: ['出保', 'Out of warranty'],
  NONE: ['（无）', '(none)'],
  RETENTION_CALL: ['挽留回访', 'Retention call'], RHYTHM_LAPSE_CALL: ['超期未回厂回访', 'Overdue for their rhythm'],
  PRICE_REOFFER: ['促销时再报价', 'Re-offer at the promotion'], POSTPONED_RECONTACT: ['延期购买再联系', 'Postponed: call again'],
  FIRST_MAINTENANCE_REMINDER: ['首保提醒', 'First-maintenance reminder'],
  WARRANTY_ENDING_OFFER: ['保修到期前服务邀约', 'Offer before the warranty ends'],
  STALLED_LEAD: ['停滞线索跟进', 'Stalled lead'], MANAGER_CALL: ['经理回访', 'Manager call'],
  AFTER_SALES_INVITATION: ['邀请进厂保养', 'After-sales invitation'],
  SERVICE_ADVISOR: ['服务顾问', 'Service advisor'], SALES: ['销售顾问', 'Sales'], MANAGER: ['经理', 'Manager'],
  UNREACHABLE: ['未接通', 'Unreachable'], DECLINED: ['已拒绝', 'Declined'],
  QUEUED: ['排队中', 'Queued'], RUNNING: ['进行中', 'Running'], DONE: ['完成', 'Done'], FAILED: ['失败', 'Failed'],
  INTERRUPTED: ['已中断', 'Interrupted'],
  CUSTOMER_PAY: ['客户付费', 'Customer pay'], WARRANTY: ['保修', 'Warranty'], INSURANCE: ['保险', 'Insurance'],
  INTERNAL: ['内部', 'Internal'],
  FIRST_MAINTENANCE: ['首保', 'First maintenance'], MAINTENANCE: ['保养', 'Maintenance'], REPAIR: ['维修', 'Repair'],
  ACCIDENT: ['事故', 'Accident'], RECALL: ['召回', 'Recall'], OTHER: ['其他', 'Other'],
  OPEN: ['跟进中', 'Open'], WON: ['成交', 'Won'], DEFEATED: ['战败', 'Defeated'], INVALID: ['无效', 'Invalid'],
  null: ['（无）', '(none)'],
};

let language = localStorage.getItem('jipan.language') === 'en' ? 'en' : 'zh';

export function lang() {
  return language;
}

export function setLanguage(value) {
  language = value === 'en' ? 'en' : 'zh';
  localStorage.setItem('jipan.language', language);
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
}

export function t(key) {
  const entry = WORDS[key];
  return entry ? entry[language === 'en' ? 1 : 0] : key;
}

/**
 * Takes the service's labels ([{value, zh, en}], GET /api/v1/labels): the one list the rules' sentences and the
 * glossary use too. The few above stay as the labels shown before signing in.
 */
export function useLabels(labels) {
  for (const label of Array.isArray(labels) ? labels : []) {
    if (label && label.value && label.zh && label.en) ENUMS[label.value] = [label.zh, label.en];
  }
}

/** An enum value's name in the current language (the value itself when unknown). */
export function label(value) {
  const entry = ENUMS[value === undefined ? null : value];
  return entry ? entry[language === 'en' ? 1 : 0] : String(value);
}

export function number(value) {
  return value === null || value === undefined ? '' : new Intl.NumberFormat(language === 'en' ? 'en' : 'zh-CN').format(value);
}

export function dateTime(text) {
  if (!text) return '';
  const date = new Date(text);
  return isNaN(date) ? text : new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN',
    {dateStyle: 'medium', timeStyle: 'short'}).format(date);
}

setLanguage(language);
