/**
 * GET /agencies/:id/disclosure/guide — the 政府信息公开指南 generated from the agency's profile (G-12,
 * 条例第十二条): categories and arrangement of proactive information, how to obtain information (主动公开
 * and 依申请公开 with the content of a request, 条例第二十九条; time limits, 条例第三十三条; fees,
 * 国办函〔2020〕109号), and the office's name, address, hours, phone, fax, e-mail and website.
 */
import { Fragment } from "react";
import { CONTACT_FIELDS, type ContactField, missingContactFields } from "../core/agency/office-contact.ts";
import { PROACTIVE_CATEGORIES } from "../core/agency/proactive-categories.ts";
import { DisclosureFrame, disclosurePath } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import type { Agency } from "./agency.repository.ts";

/** Props of the guide page. */
export interface DisclosureGuidePageProps extends PageFrame {
  readonly agency: Agency;
}

/** Shown for a contact field the agency has not provided. */
export const NOT_PROVIDED = "未提供";

/** One contact value: a link for a well-formed e-mail address or web address, else text. */
function ContactValue({ field, value }: { field: ContactField; value: string }) {
  if (value === "") return <span className="missing">{NOT_PROVIDED}</span>;
  if (field === "email" && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value)) {
    return <a href={`mailto:${value}`}>{value}</a>;
  }
  if (field === "website" && /^https?:\/\/[^\s<>"]+$/i.test(value)) return <a href={value}>{value}</a>;
  return <>{value}</>;
}

/** The guide page. */
export function DisclosureGuidePage({ agency, textSize, returnPath }: DisclosureGuidePageProps) {
  const missing = missingContactFields(agency.contact);
  const office = agency.contact.officeName || `${agency.name}政府信息公开工作机构`;
  return (
    <DisclosureFrame
      agency={agency}
      column="guide"
      heading={`${agency.name}政府信息公开指南`}
      textSize={textSize}
      returnPath={returnPath}
    >
      {missing.length > 0 ? (
        <div className="notice" id="guide-missing">
          <p>
            按照《中华人民共和国政府信息公开条例》第十二条，公开指南应当载明政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等。本指南尚缺以下事项，请本机关补充：
          </p>
          <ul>
            {missing.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="lead">
        为便于公民、法人和其他组织获取{agency.name}
        的政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。
      </p>

      <h2>一、主动公开</h2>
      <h3>（一）公开的类别</h3>
      <p>本机关依照条例第二十条、第二十一条的规定，主动公开下列类别的政府信息：</p>
      <ul className="category-list">
        {PROACTIVE_CATEGORIES.map((c) => (
          <li key={c.item}>
            {c.item}
            {c.title}
          </li>
        ))}
      </ul>
      <h3>（二）编排体系</h3>
      <p>
        本机关政府信息公开专栏设政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报四个一级栏目。法定主动公开内容按上述类别编排，同一类别内按发布日期由新到旧排列。
      </p>
      <h3>（三）获取方式</h3>
      <p>
        主动公开的政府信息通过本机关政府信息公开专栏（
        <a href={disclosurePath(agency.id)}>{`${agency.name}政府信息公开`}</a>
        ）发布，也可通过政府公报、新闻发布会以及报刊、广播、电视等途径公开，并在国家档案馆、公共图书馆、政务服务场所设置的查阅场所查阅（条例第二十三条至第二十五条）。属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开（条例第二十六条）。
      </p>

      <h2>二、依申请公开</h2>
      <h3>（一）申请渠道</h3>
      <p>
        公民、法人或者其他组织可以向{office}
        提出政府信息公开申请：当面提交、邮寄信函、发送传真，或者通过本机关公布的电子邮箱等互联网渠道提交（联系方式见本指南第三部分），也可以
        <a href={`${disclosurePath(agency.id)}/apply`}>在线提交申请</a>
        。申请应当以书面形式（包括数据电文形式）提出；采用书面形式确有困难的，可以口头提出，由受理机构代为填写政府信息公开申请（条例第二十九条）。
      </p>
      <p>
        收到申请之日按条例第三十一条确定：当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为收到申请之日（平常信函以双方确认之日为准）；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日。
      </p>
      <h3>（二）申请内容</h3>
      <p>政府信息公开申请应当包括下列内容（条例第二十九条）：</p>
      <ol className="column-list">
        <li>申请人的姓名或者名称、身份证明、联系方式；</li>
        <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
        <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
      </ol>
      <h3>（三）答复期限</h3>
      <p>
        本机关收到政府信息公开申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在上述期限内（条例第三十三条）。
      </p>
      <h3>（四）收费</h3>
      <p>
        本机关依申请提供政府信息不收取费用，但申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按件或者按量收取信息处理费。
      </p>

      <h2>三、政府信息公开工作机构</h2>
      <dl className="contact">
        {CONTACT_FIELDS.map((f) => (
          <Fragment key={f.key}>
            <dt>{f.label}</dt>
            <dd>
              <ContactValue field={f.key} value={agency.contact[f.key].trim()} />
            </dd>
          </Fragment>
        ))}
      </dl>

      <h2>四、监督和救济</h2>
      <p>
        公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。
      </p>
    </DisclosureFrame>
  );
}
