/** A small valid pack folder (two locales, one competitor, one playbook, CSV accounts and health). */
export function miniFolder(): Record<string, string> {
  return {
    'pack.yaml': `meta:
  formatVersion: 1
  id: acme-emea
  name: { en: EMEA pack, zh-CN: EMEA 作战包 }
  version: 1.2.0
  publishedAt: 2026-11-02
  defaultLocale: en
  locales: [en, zh-CN]
  ownDomains: [lumora.io]
accounts:
  file: accounts.csv
  columns:
    id: Account ID
    name: Account Name
    domains: Website
    crmIds.salesforce: SFDC ID
    segment: Segment
    region: Region
    competitors: Competitors
    stage.playbookId: Playbook
    stage.stageId: Stage
    renewalDate: Renewal
    arr: ARR
health:
  file: health.csv
  account: { column: SFDC ID, by: crmIds.salesforce }
  date: Date
  dateFormat: MM/DD/YYYY
  signals:
    usage: WAU %
    nps: NPS
  note: Note
`,
    'competitors/beacon.yaml': `name: Beacon
aliases:
  - { text: Beacon, caseSensitive: true, needsContext: true }
  - Beacon CDP
keywords: [CDP, segments]
owner: Jordan Reyes
reviewedAt: 2026-10-28
reviewEvery: 60
`,
    'competitors/beacon.en.md': `# Beacon

## Summary

Marketer-first CDP that **copies** your data into its own store.

## Why we win

- Warehouse-native: no second copy
  of customer data.
- Consent built in.

## Why we lose

- Journey-builder demos.

## Objections

### bc-journeys

**Objection:** "Beacon has a journey builder."

**Response:** We feed the marketing-automation tool you already own.

**Proof:** Harbor & Pine lifted conversion 18%.

## Landmines

- "How does a deletion request reach every copy?"

## Proof points

- Novaline Telecom replaced Beacon in 5 weeks.
`,
    'competitors/beacon.zh-CN.md': `# Beacon

## Summary

面向市场人员的 CDP，会把数据**复制**到自己的存储中。

## Why we win

- 数仓原生：不产生第二份客户数据。
- 内置授权管理。

## Why we lose

- 旅程编排演示。

## Objections

### bc-journeys

**Objection:** “Beacon 有旅程编排器。”

**Response:** 我们为您已有的营销自动化工具提供数据。

## Landmines

- “删除请求如何送达每一份数据副本？”

## Proof points

- Novaline Telecom 在 5 周内替换了 Beacon。
`,
    'playbooks/new-business.yaml': `name: { en: New business, zh-CN: 新客户 }
motion: new_business
stages:
  - id: discovery
    name: { en: Discovery, zh-CN: 需求挖掘 }
    crmStages: { salesforce: [Prospecting, Qualification] }
    goal: { en: Confirm a funded problem., zh-CN: 确认有预算的问题。 }
    exitCriteria: []
    checklist:
      - { id: nb-disc-pain, text: { en: Pain quantified, zh-CN: 痛点已量化 }, required: true }
  - id: proposal
    name: { en: Proposal, zh-CN: 方案报价 }
    goal: { en: Send one clear proposal., zh-CN: 发送清晰的方案。 }
    exitCriteria: []
    checklist:
      - { id: nb-prop-sent, text: { en: Proposal sent, zh-CN: 方案已发送 } }
`,
    'playbooks/new-business.en.md': `## discovery

**Ask for a number.**

1. What is slow today?
2. What does it cost?
`,
    'playbooks/new-business.zh-CN.md': `## discovery

**要一个数字。**
`,
    'health-model.yaml': `measures:
  - { id: usage, label: { en: Weekly active users, zh-CN: 周活跃 }, weight: 0.6, direction: higher_better, thresholds: { poor: 20, good: 80 }, unit: "%" }
  - { id: nps, label: NPS, weight: 0.4, direction: higher_better, thresholds: { poor: -20, good: 50 } }
bands:
  - { id: red, label: At risk, min: 0, color: red }
  - { id: green, label: Healthy, min: 60, color: green }
`,
    'health-model.en.md': `## red

**Exec call within 5 days.**
`,
    'accounts.csv': `Account ID,Account Name,Website,SFDC ID,Segment,Region,Competitors,Playbook,Stage,Renewal,ARR,Extra
northwind,Northwind Traders,https://www.northwindtraders.com/about,0015g00000NwTrdAAB,Enterprise,NA,beacon,new-business,proposal,2027-03-31,"180,000",x
"acme","Acme, Inc.",acme.com;acme.co.uk,0015g00000AcmeAAA,Mid-Market,EMEA,,,,,,
`,
    'health.csv': `SFDC ID,Date,WAU %,NPS,Note
0015g00000NwTrdAAB,10/01/2026,60%,30,
0015g00000NwTrdAAB,11/01/2026,54,,"Sponsor changed roles,
in October."
0015g00000AcmeAAA,11/01/2026,80,50,
`,
  };
}
