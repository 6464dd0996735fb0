/**
 * The pages of an agency's 政府信息公开 column other than the guide: the column's front page, 政府信息公开制度,
 * 法定主动公开内容 and 政府信息公开年报 — each showing what exists today.
 */

import { DISCLOSURE_COLUMNS, DisclosureFrame, disclosurePath } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import type { Agency } from "./agency.repository.ts";

/** Props of a column page. */
export interface DisclosurePageProps extends PageFrame {
  readonly agency: Agency;
}

/** What each first-level column holds, for the front page. */
const COLUMN_SUMMARIES: Readonly<Record<string, string>> = {
  guide: "公开的类别和编排体系、获取方式，以及政府信息公开工作机构的名称、地址、办公时间、联系方式。",
  rules: "本机关执行的政府信息公开法规和制度。",
  proactive: "按《中华人民共和国政府信息公开条例》第二十条规定的类别主动公开的政府信息。",
  "annual-reports": "本机关每年发布的政府信息公开工作年度报告。",
};

/** GET /agencies/:id/disclosure — the column's front page with its four first-level columns. */
export function DisclosureIndexPage({ agency, textSize, returnPath }: DisclosurePageProps) {
  return (
    <DisclosureFrame
      agency={agency}
      heading={`${agency.name}政府信息公开`}
      textSize={textSize}
      returnPath={returnPath}
    >
      <h2>栏目</h2>
      <ul className="column-list">
        {DISCLOSURE_COLUMNS.map((c) => (
          <li key={c.segment}>
            <a href={disclosurePath(agency.id, c.segment)}>{c.title}</a>：{COLUMN_SUMMARIES[c.segment]}
          </li>
        ))}
      </ul>
      <h2>依申请公开</h2>
      <p>
        需要本机关主动公开以外的政府信息，可以
        <a href={`${disclosurePath(agency.id)}/apply`}>在线提交政府信息公开申请</a>
        ，提交后凭查询号和验证码<a href="/requests/status">查询办理进度</a>。
      </p>
    </DisclosureFrame>
  );
}

/** GET /agencies/:id/disclosure/rules — the disclosure rules the agency applies. */
export function DisclosureRulesPage({ agency, textSize, returnPath }: DisclosurePageProps) {
  return (
    <DisclosureFrame
      agency={agency}
      column="rules"
      heading={`${agency.name}政府信息公开制度`}
      textSize={textSize}
      returnPath={returnPath}
    >
      <h2>本机关执行的法规和规范性文件</h2>
      <ul className="column-list">
        <li>《中华人民共和国政府信息公开条例》（国务院令第711号，2019年5月15日起施行）</li>
        <li>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）</li>
        <li>《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）</li>
        <li>《关于规范政府信息公开平台有关事项的通知》（国办公开办函〔2019〕61号）</li>
      </ul>
      <h2>本机关制定的工作制度</h2>
      <p>本机关尚未在本平台发布自行制定的政府信息公开工作制度。</p>
    </DisclosureFrame>
  );
}
