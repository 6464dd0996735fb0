/**
 * The error codes of the request aggregate (state machine and intake), with HTTP status and Chinese
 * message; the deadline engine's own refusals keep their codes and messages (422).
 */
import { errorFactory } from "../domain-error.ts";

/** Codes of the request module. */
export const REQUEST_ERRORS = {
  ACTION_NOT_ALLOWED: { status: 409, message: "该申请当前的办理状态不允许此操作" },
  CASE_CLOSED: { status: 409, message: "该申请已办结，不能再办理任何事项" },
  NOT_CONFIRMED: {
    status: 409,
    message: "网上或传真提交的申请须先与申请人确认（条例第三十一条），再办理其他事项",
  },
  CONFIRM_NOT_NEEDED: { status: 409, message: "该申请的收到日期不需要双方确认，或已经确认" },
  DATE_IN_FUTURE: { status: 422, message: "办理日期不能晚于今天" },
  DATE_OUT_OF_ORDER: { status: 422, message: "办理日期早于前一事项的日期：请按发生的先后顺序登记" },
  INVALID_DATE: { status: 400, message: "日期格式不正确，应为 YYYY-MM-DD 格式的实际日期" },
  OUTCOME_UNKNOWN: { status: 422, message: "办理结果不是 O-1 至 O-6.3 之一" },
  OUTCOME_REASON_REQUIRED: { status: 422, message: "请填写答复的理由和依据" },
  OUTCOME_NOT_BY_CLOSE: { status: 422, message: "该办理结果须通过对应的事项登记" },
  OUTCOME_NEEDS_SUPPLEMENT: {
    status: 422,
    message: "“补正后申请内容仍不明确”只能用于已收到补正的申请（条例第三十条）",
  },
  RESPONSIBLE_AGENCY_NOT_ALLOWED: {
    status: 422,
    message: "只有“本机关不掌握相关政府信息”（O-4.1）的答复可以写明负责公开该信息的机关",
  },
  SUPPLEMENT_INCOMPLETE: { status: 422, message: "补正告知须写明需要补正的事项和补正期限（条例第三十条）" },
  CONSULTEE_REQUIRED: { status: 422, message: "请填写征求意见的对象" },
  EXTENSION_ALREADY: {
    status: 409,
    message: "答复期限只能延长一次（条例第三十三条），本申请已延长或已提出延期",
  },
  EXTENSION_REASON_REQUIRED: { status: 422, message: "请填写延期答复的理由（条例第三十三条）" },
  EXTENSION_NOT_PROPOSED: { status: 409, message: "尚无待批准的延期申请" },
  DELAY_REASON_REQUIRED: { status: 422, message: "请填写延迟答复的理由" },
  FEE_NOT_DUE: { status: 422, message: "按收费标准计算的信息处理费为 0 元，无需发出收费通知" },
  WITHDRAW_REASON_REQUIRED: { status: 422, message: "请填写撤回的说明" },
  SPOT_ANSWER_CHANNEL: { status: 422, message: "只有当面提交的申请才能当场答复（条例第三十三条第一款）" },
  DEADLINE_RULE: { status: 422, message: "该事项不符合期限规则" },
  CHANNEL_INVALID: { status: 400, message: "提交方式应为当面、邮寄（需签收）、平常信函、互联网或传真之一" },
  APPLICANT_KIND_INVALID: { status: 400, message: "请选择申请人类型：自然人，或法人和其他组织的类别" },
  APPLICANT_NAME_REQUIRED: { status: 400, message: "请填写申请人的姓名或者名称（条例第二十九条）" },
  ID_TYPE_INVALID: { status: 400, message: "请选择身份证件类型" },
  ID_NUMBER_INVALID: { status: 400, message: "身份证件号码不正确" },
  ORG_CREDIT_CODE_INVALID: {
    status: 400,
    message: "统一社会信用代码不正确：应为 18 位，且校验码符合 GB 32100",
  },
  ORG_REPRESENTATIVE_REQUIRED: { status: 400, message: "请填写法定代表人或联系人的姓名" },
  PHONE_INVALID: { status: 400, message: "请填写正确的联系电话（数字、空格、+、- 和括号，7 至 20 位）" },
  EMAIL_INVALID: { status: 400, message: "电子邮箱格式不正确" },
  POSTCODE_INVALID: { status: 400, message: "邮政编码应为 6 位数字" },
  ADDRESS_REQUIRED: { status: 400, message: "选择邮寄时，请填写通信地址和邮政编码" },
  DESCRIPTION_REQUIRED: {
    status: 400,
    message: "请填写申请公开的政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）",
  },
  PROVISION_FORM_INVALID: { status: 400, message: "提供形式应为纸质或电子" },
  DELIVERY_METHOD_INVALID: {
    status: 400,
    message: "获取方式应为邮寄、自取、电子邮件或在线查看，且与提供形式相符",
  },
  IDENTITY_ATTACHMENT_REQUIRED: { status: 400, message: "请上传身份证明文件的照片或扫描件" },
  IDEMPOTENCY_KEY_INVALID: { status: 400, message: "表单标识无效，请刷新页面后重新提交" },
  ATTACHMENT_TYPE_INVALID: { status: 415, message: "附件只能是 PDF、JPEG、PNG 或 DOCX 文件" },
  ATTACHMENT_DISGUISED: { status: 415, message: "附件的内容与其文件名或类型不符，已拒收" },
  ATTACHMENT_EMPTY: { status: 400, message: "附件是空文件" },
  ATTACHMENT_TOO_LARGE: { status: 413, message: "附件不能超过 10 MB" },
  TOO_MANY_ATTACHMENTS: { status: 413, message: "附件不能超过 5 个" },
  OFFICER_NOT_IN_AGENCY: { status: 422, message: "承办人须在本机关担任承办人或公开办负责人" },
} as const;

/** Makes a DomainError of a request code. */
export const requestError = errorFactory(REQUEST_ERRORS);
