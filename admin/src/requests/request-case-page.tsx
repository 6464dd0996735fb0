/**
 * The case page /requests/:id: the particulars, the due date with its explanation, the timeline, the
 * actions allowed now (each a small form), an extension awaiting the office head, attachments and letters.
 */
import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Result, Row, Space, Spin, Tag, Typography } from "antd";
import { type ReactNode, useCallback, useState } from "react";
import { can } from "../../../src/core/access/permissions.ts";
import { apiRequest } from "../api/api-client.ts";
import type { RequestCase } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { navigate } from "../navigation/navigation.ts";
import { useUser } from "../session/session-context.tsx";
import { instantText } from "../shared/dates.ts";
import { orMissing, useApiQuery } from "../shared/use-api-query.ts";
import { ActionModal } from "./action-modal.tsx";
import { AttachmentsPanel } from "./attachments-panel.tsx";
import { type ActionSpec, actionSpec, offeredActions } from "./case-actions.ts";
import { CaseFields } from "./case-fields.tsx";
import { CaseTimeline } from "./case-timeline.tsx";
import { DeadlinePanel } from "./deadline-panel.tsx";
import { LettersPanel } from "./letters-panel.tsx";
import { rememberedWorklistPath } from "./worklist-query.ts";

/** Actions that change the case without handling it (shown quieter). */
const QUIET_ACTIONS = new Set(["assign"]);

/** The extension awaiting the office head's approval (R-33-2). */
function PendingExtensionNotice({
  request,
  onApprove,
}: {
  readonly request: RequestCase;
  readonly onApprove: (() => void) | null;
}): ReactNode {
  const pending = request.pendingExtension;
  if (!pending) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`延期申请待公开办负责人批准：延长 ${pending.workdays} 个工作日`}
      description={`理由：${pending.reason.replace(/[。；，\s]+$/, "")}。${pending.proposedByName} 于 ${instantText(pending.proposedAt)} 提出。须在原答复期限届满前批准并告知申请人（R-33-3）。`}
      action={
        onApprove ? (
          <Button type="primary" onClick={onApprove}>
            批准延期
          </Button>
        ) : (
          <Typography.Text type="secondary">等待负责人批准</Typography.Text>
        )
      }
    />
  );
}

/** The case page of request `id`. */
export function RequestCasePage({ id }: { readonly id: number }): ReactNode {
  const me = useUser();
  const read = useCallback(() => orMissing(apiRequest<RequestCase>(`/api/requests/${id}`)), [id]);
  const { data: request, loading, error, reload: load, setData: setRequest } = useApiQuery(read);
  // Answered "not found" (a failure of another kind keeps what was shown).
  const missing = request === null && !loading && error === null;
  const [acting, setActing] = useState<ActionSpec | null>(null);
  usePageTitle(request ? `申请 ${request.trackingNo}` : "申请详情");

  const back = (): void => navigate(rememberedWorklistPath());

  if (missing) {
    return (
      <Result
        status="404"
        title="找不到这件申请"
        subTitle="申请不存在，或不属于您可以查看的机关。"
        extra={<Button onClick={() => navigate("/requests")}>返回申请列表</Button>}
      />
    );
  }
  if (!request) return <Spin spinning={loading} description="正在加载……" />;

  // Only 公开办负责人 and 承办人 handle requests, and their roles reach their own agency only.
  const mayHandle = can(me.roles, "request.handle", request.agencyId, []);
  const approve = request.allowedActions.includes("approve_extension")
    ? actionSpec("approve_extension")
    : undefined;
  const actions = offeredActions(request.allowedActions);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} className="case-page">
      <Space wrap className="case-header">
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={back}>
          返回列表
        </Button>
        <Typography.Title level={3} className="case-title">
          {request.trackingNo}
        </Typography.Title>
        <Tag color={request.status === "closed" ? "default" : "blue"}>{request.statusName}</Tag>
        {request.extended && <Tag color="purple">已延期</Tag>}
        <Typography.Text type="secondary">
          {request.agencyName} · 承办人：{request.caseOfficerName ?? "未指定"}
        </Typography.Text>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      </Space>
      <PendingExtensionNotice request={request} onApprove={approve ? () => setActing(approve) : null} />
      {actions.length > 0 && (
        <section aria-label="可办理的操作" className="case-actions">
          <Typography.Text strong>现在可以：</Typography.Text>
          <Space wrap>
            {actions.map((spec) => (
              <Button
                key={spec.action}
                type={
                  QUIET_ACTIONS.has(spec.action) ? "default" : spec.action === "close" ? "primary" : "default"
                }
                danger={spec.danger && spec.action !== "close"}
                onClick={() => setActing(spec)}
              >
                {spec.label}
              </Button>
            ))}
          </Space>
        </section>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <CaseFields request={request} />
            <LettersPanel
              key={request.status}
              request={request}
              mayHandle={mayHandle}
              onChanged={() => void load()}
            />
            <AttachmentsPanel request={request} mayHandle={mayHandle} onChanged={() => void load()} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <DeadlinePanel request={request} />
            <CaseTimeline events={request.events} />
          </Space>
        </Col>
      </Row>
      <ActionModal
        key={acting?.action ?? "none"}
        spec={acting}
        request={request}
        onClose={() => setActing(null)}
        onDone={(updated) => {
          setActing(null);
          setRequest(updated);
        }}
      />
    </Space>
  );
}
