// The call-script rule catalogue, worded from the source procedure (《相关话术》4.2 B, 催收作业要求, 4.3 行动记载).
// "{company}" is replaced by the companyName setting when a rule is shown.
export type RuleSeed = {
  id: string;
  group: "B" | "OPS" | "REC";
  redLine: boolean;
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
};

export const RULES: RuleSeed[] = [
  {
    id: "B1",
    group: "B",
    redLine: false,
    titleZh: "先核实身份与欠款事实",
    titleEn: "Verify identity and the debt first",
    textZh:
      "通话中必须先与对方进行身份及欠款事实的核实，在无法确认对方身份的情况下不得贸然采取催收动作，并以“**先生”“**小姐”称呼对方。",
    textEn:
      "Before any collection, verify the person's identity and the facts of the debt; never act while identity is unconfirmed. Address the person as Mr/Ms.",
  },
  {
    id: "B2",
    group: "B",
    redLine: false,
    titleZh: "准确引述法律条文",
    titleEn: "Quote laws exactly",
    textZh:
      "催收过程中需要引述《刑法》等相关法律条文时，应严格按照条文内容进行引述，不得歪曲、夸大该条文的字面及实质内容。",
    textEn:
      "When quoting the Criminal Law or other laws, quote the text exactly; never distort or exaggerate its wording or substance.",
  },
  {
    id: "B3",
    group: "B",
    redLine: true,
    titleZh: "作业时间 7:00–22:00",
    titleEn: "Collect only 07:00–22:00",
    textZh: "催收的作业时间为每天早上 7:00 至当晚 22:00，严禁在此时间范围外采取任何催收行动。",
    textEn:
      "Collection takes place only between 07:00 and 22:00 every day; no collection action of any kind outside these hours.",
  },
  {
    id: "B4",
    group: "B",
    redLine: false,
    titleZh: "否认开卡或欠款须反馈客服部并暂停",
    titleEn: "Denial of the card or debt: report and pause",
    textZh: "遇到对方否认开卡（欠款）时，需及时反馈至客服部，并暂时停止催收，直到客服部提示下一步行动。",
    textEn:
      "If the person denies opening the card or owing the debt, report it to customer service at once and pause collection until customer service gives the next step.",
  },
  {
    id: "B5",
    group: "B",
    redLine: true,
    titleZh: "使用正规身份催收",
    titleEn: "Identify only as the mandated company",
    textZh:
      "使用正规的身份催收：受**（客户）委托的{company}。严禁使用其他违背公司身份的身份催收，如**银行、**银行法务部、银联、“公、检、法”等不实身份。",
    textEn:
      "Identify yourself only as {company}, acting on the client's mandate. Never claim to be the bank, its legal department, UnionPay, the police, the procuratorate or a court.",
  },
  {
    id: "B6",
    group: "B",
    redLine: true,
    titleZh: "严禁侮辱、辱骂、威胁性语言",
    titleEn: "No insulting or threatening language",
    textZh: "催收过程中严禁使用侮辱性、辱骂性、攻击型、挑衅性、恐吓威胁性等语言和语气（例如称对方为“老赖”）。",
    textEn:
      "Never use insulting, abusive, aggressive, provocative or threatening words or tone (for example, never call anyone a 'deadbeat', 老赖).",
  },
  {
    id: "B7",
    group: "B",
    redLine: true,
    titleZh: "严禁暴力或以犯罪手段相威胁",
    titleEn: "No violence or threat of crime",
    textZh:
      "严禁使用或威胁使用暴力或其他犯罪手段，对任何人（包括持卡人的亲属、联系人、朋友、同事等）的人身、名誉或财产进行伤害。",
    textEn:
      "Never use or threaten violence or any other crime against anyone's person, reputation or property, including the cardholder's relatives, contacts, friends and colleagues.",
  },
  {
    id: "B8",
    group: "B",
    redLine: true,
    titleZh: "第三方联系每天不超过 2 次",
    titleEn: "Third parties: at most 2 calls a day",
    textZh:
      "与第三方联系时须控制致电频率，每天不超过 2 次；对明确无法提供持卡人有效信息或明显表现出强烈不满的第三方，应立即停止联系。禁止在任何时候以任何方式透过对第三方的骚扰、威胁、恐吓、辱骂、人身攻击或催讨等方式进行催收。",
    textEn:
      "Call a third party at most twice a day; stop at once when they clearly cannot help or strongly object. Never collect by harassing, threatening, intimidating, abusing, attacking or pressing a third party.",
  },
  {
    id: "B9",
    group: "B",
    redLine: false,
    titleZh: "不得人身攻击",
    titleEn: "No personal attacks",
    textZh: "严禁对持卡人（债务人）或相关第三方的职业、性别、兴趣爱好等进行人身攻击。",
    textEn:
      "Never attack the cardholder (debtor) or a third party personally for their occupation, gender, interests or hobbies.",
  },
  {
    id: "B10",
    group: "B",
    redLine: false,
    titleZh: "不可随意挂断电话",
    titleEn: "Never hang up at will",
    textZh: "不可随意挂断与对方的通话。",
    textEn: "Never hang up on the person at will.",
  },
  {
    id: "B11",
    group: "B",
    redLine: false,
    titleZh: "正确告知欠款并引导正规还款渠道",
    titleEn: "State the debt correctly; official payment channels only",
    textZh: "正确提供持卡人（债务人）的欠款信息，引导对方通过银行柜台、转账、汇款等正规途径办理缴款。",
    textEn:
      "Give the cardholder (debtor) correct information about the debt and direct payment only through official channels: bank counter, bank transfer or remittance.",
  },
  {
    id: "B12",
    group: "B",
    redLine: true,
    titleZh: "不得超越权限承诺",
    titleEn: "No promises beyond authority",
    textZh: "不可做出超出权限的承诺，如：取消黑名单、减免利息滞纳金、解冻账户等。",
    textEn:
      "Never promise anything beyond your authority, such as removing a blacklisting, waiving interest or late fees, or unfreezing an account.",
  },
  {
    id: "B13",
    group: "B",
    redLine: false,
    titleZh: "不向无关第三方透露欠款",
    titleEn: "No disclosure to unrelated third parties",
    textZh: "不可随意向无关的第三方透露持卡人（债务人）的欠款信息。",
    textEn: "Never disclose the cardholder's (debtor's) debt to unrelated third parties.",
  },
  {
    id: "B14",
    group: "B",
    redLine: false,
    titleZh: "严禁教唆违规筹款",
    titleEn: "No inciting illegal fund-raising",
    textZh: "严禁教唆持卡人（债务人）或相关第三方使用违规途径筹款。",
    textEn: "Never incite the cardholder (debtor) or a third party to raise money by illegal or irregular means.",
  },
  {
    id: "B15",
    group: "B",
    redLine: false,
    titleZh: "不向家中小孩阐述欠款",
    titleEn: "Never tell children about the debt",
    textZh: "不可向持卡人（债务人）家中小孩阐述持卡人（债务人）的欠款信息及所涉及的法律信息。",
    textEn: "Never tell children in the cardholder's (debtor's) home about the debt or its legal consequences.",
  },
  {
    id: "B16",
    group: "B",
    redLine: false,
    titleZh: "特殊人群须注意方式",
    titleEn: "Soften the approach for vulnerable people",
    textZh:
      "催收过程中发现持卡人（债务人）患有重大疾病、家庭经济困难或为孕妇等特殊人群的，应注意催收方式，不得使用强硬语气。",
    textEn:
      "When the cardholder (debtor) is seriously ill, in financial hardship, pregnant or otherwise vulnerable, adapt the approach and never use a harsh tone.",
  },
  {
    id: "B17",
    group: "B",
    redLine: false,
    titleZh: "严禁引导投诉",
    titleEn: "Never lead anyone to complain",
    textZh: "严禁主动引导持卡人（债务人）或其他相关人员去投诉。",
    textEn: "Never lead the cardholder (debtor) or anyone else to file a complaint.",
  },
  {
    id: "OPS1",
    group: "OPS",
    redLine: true,
    titleZh: "上门不泄露完整卡号和身份证号",
    titleEn: "Field visits: no full card or ID number",
    textZh: "上门催收时不泄露持卡人个人信息，包括完整卡号及身份证号。",
    textEn:
      "On field visits, never disclose the cardholder's personal information, including the full card number and ID number.",
  },
  {
    id: "OPS2",
    group: "OPS",
    redLine: false,
    titleZh: "不得骚扰与债务无关的第三人",
    titleEn: "No collecting from unrelated third parties",
    textZh: "催收不得对与债务无关的第三人进行催收或骚扰。",
    textEn: "Never collect from or harass third parties who have nothing to do with the debt.",
  },
  {
    id: "OPS3",
    group: "OPS",
    redLine: true,
    titleZh: "只用录音固定电话催收",
    titleEn: "Recorded fixed lines only",
    textZh:
      "电话催收只得使用连接有录音系统的固定电话，不得以小灵通、移动电话，以及短信、QQ、微信、微博、E-mail 等网络聊天工具或即时通讯工具直接从事催收业务。",
    textEn:
      "Phone collection only on fixed lines connected to the recording system; never by PHS or mobile phone, SMS, QQ, WeChat, Weibo, e-mail or any other chat or instant-messaging tool.",
  },
  {
    id: "OPS4",
    group: "OPS",
    redLine: false,
    titleZh: "不得承诺减免债务或以减免利费引诱还款",
    titleEn: "No promised debt reduction or fee-waiver lure",
    textZh: "催收应依法提供服务。不得承诺减免客户债务，不得以向银行申请减免利费为由引诱客户还款。",
    textEn:
      "Collect within the law. Never promise to reduce a debt, and never lure payment by promising to apply to the bank for a waiver of interest or fees.",
  },
  {
    id: "REC1",
    group: "REC",
    redLine: false,
    titleZh: "行动记载真实、准确、及时、精简",
    titleEn: "Records true, accurate, timely, concise",
    textZh:
      "所有行动记载必须真实、准确、及时；用简明扼要的描述如实、完整地记载当时的跟进情形，不使用各种不通用、不规范的缩写。",
    textEn:
      "Every action record (行动记载) is true, accurate and timely: a concise, complete account of the follow-up, without private or non-standard abbreviations.",
  },
  {
    id: "REC2",
    group: "REC",
    redLine: false,
    titleZh: "记载文明专业、第三人称",
    titleEn: "Records civil, objective, third person",
    textZh:
      "严禁在行动记载中使用口语化评论式语句（如称对方“老赖”之类不文明的称呼），不将个人情绪带进作业，须严肃客观地描述事实，并使用第三人称。",
    textEn:
      "No colloquial or judgemental remarks in records (never slurs such as 老赖); keep personal feelings out, describe facts objectively, in the third person.",
  },
  {
    id: "REC3",
    group: "REC",
    redLine: false,
    titleZh: "号码完整记载、与录音一致、注明来源",
    titleEn: "Every number recorded; matches the recording; sources stated",
    textZh:
      "拨打（接听）的电话须将号码在行动记载中体现，行动记载必须与录音保持一致；对从其他途径收集到的信息应说明来源（涉及公司操作机密的，按规定以相应代号录入）。",
    textEn:
      "Every number dialled or answered appears in the record; the record matches the recording; information from other channels states its source (confidential channels by their code).",
  },
];
