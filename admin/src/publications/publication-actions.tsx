/**
 * What the user may do with an item now, by its status and the user's roles in its agency: submit a draft
 * for review; 通过 / 退回 with an opinion at the step the user holds (先审后发); publish after 审签; withdraw,
 * amend and mark the validity of a published item. The server checks every step again.
 */
import { Alert, App, Button, Input, Select, Space, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { PublicationView } from "../api/publication-types.ts";
import { navigate } from "../navigation/navigation.ts";
import { useUser } from "../session/session-context.tsx";
import { todayInShanghai } from "../shared/dates.ts";
import { mayIn, stepWaiting, turnOf, VALIDITY_OPTIONS } from "./publication-labels.ts";

/** Props of PublicationActions. */
export interface PublicationActionsProps {
  readonly item: PublicationView;
  readonly onChanged: (item: PublicationView) => void;
}

/** The action panel of an item. */
export function PublicationActions({ item, onChanged }: PublicationActionsProps): ReactNode {
  const me = useUser();
  const { message, modal } = App.useApp();
  const [opinion, setOpinion] = useState("");
  const [publishedOn, setPublishedOn] = useState(todayInShanghai());
  const [busy, setBusy] = useState(false);
  const may = (action: Parameters<typeof mayIn>[1]) => mayIn(me, action, item.agencyId);
  const step = stepWaiting(item.status);

  const act = async (action: string, extra: Record<string, string> = {}, done = "已完成"): Promise<void> => {
    setBusy(true);
    try {
      const body = { action, ...extra };
      onChanged(
        await apiRequest<PublicationView>(`/api/publications/${item.id}/actions`, { method: "POST", body }),
      );
      setOpinion("");
      message.success(done);
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const setValidity = async (validity: string): Promise<void> => {
    try {
      onChanged(
        await apiRequest<PublicationView>(`/api/publications/${item.id}/validity`, {
          method: "PUT",
          body: { validity },
        }),
      );
      message.success(`有效性已改为“${validity}”`);
    } catch (error) {
      message.error(messageOf(error));
    }
  };
  const amend = (): void => {
    modal.confirm({
      title: "修订这条信息？",
      content: "将以当前内容新建一份修订稿（草稿），经保密审查、审核、审签后发布；原信息保留并标注有效性。",
      okText: "新建修订稿",
      cancelText: "取消",
      onOk: async () => {
        try {
          const draft = await apiRequest<PublicationView>(`/api/publications/${item.id}/amend`, {
            method: "POST",
          });
          navigate(`/publications/${draft.id}`);
        } catch (error) {
          message.error(messageOf(error));
        }
      },
    });
  };

  const opinionField = (label: string) => (
    <div>
      <label htmlFor="review-opinion">{label}</label>
      <Input.TextArea
        id="review-opinion"
        value={opinion}
        maxLength={2000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(event) => setOpinion(event.target.value)}
      />
    </div>
  );

  const parts: ReactNode[] = [];
  if (item.status === "draft" && may("publication.edit")) {
    parts.push(
      <Space key="submit" orientation="vertical">
        <Typography.Text>保存后提交，依次经保密审查、审核、审签（先审后发）。</Typography.Text>
        <Button type="primary" loading={busy} onClick={() => void act("submit", {}, "已提交保密审查")}>
          提交审查
        </Button>
      </Space>,
    );
  }
  if (step && may(step.action)) {
    parts.push(
      <Space key="review" orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text strong>{step.name}：轮到您</Typography.Text>
        {opinionField(`${step.name}意见（退回时必填）`)}
        <Space>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void act("approve", { opinion }, `${step.name}已通过`)}
          >
            通过
          </Button>
          <Button
            danger
            loading={busy}
            onClick={() =>
              opinion.trim() === ""
                ? message.warning("退回须填写意见")
                : void act("sendBack", { opinion }, "已退回信息员修改")
            }
          >
            退回
          </Button>
        </Space>
      </Space>,
    );
  }
  if (item.status === "approved" && may("publication.edit")) {
    parts.push(
      <Space key="publish" wrap>
        <label htmlFor="publish-date">发布日期</label>
        <Input
          id="publish-date"
          type="date"
          value={publishedOn}
          onChange={(event) => setPublishedOn(event.target.value)}
          style={{ width: 160 }}
        />
        <Button type="primary" loading={busy} onClick={() => void act("publish", { publishedOn }, "已发布")}>
          发布
        </Button>
      </Space>,
    );
  }
  if (item.status === "published") {
    if (may("publication.edit")) {
      parts.push(
        <Space key="validity" wrap>
          <label htmlFor="validity">有效性</label>
          <Select
            id="validity"
            value={item.validity}
            options={VALIDITY_OPTIONS}
            onChange={(v: string) => void setValidity(v)}
            style={{ width: 110 }}
          />
          {item.amendedById === null && <Button onClick={amend}>修订（新建修订稿）</Button>}
        </Space>,
      );
    }
    if (may("publication.signOff")) {
      parts.push(
        <Space key="withdraw" orientation="vertical" style={{ width: "100%" }}>
          {opinionField("撤回理由（必填）")}
          <Button
            danger
            loading={busy}
            onClick={() =>
              opinion.trim() === ""
                ? message.warning("撤回须填写理由")
                : void act("withdraw", { opinion }, "已撤回")
            }
          >
            撤回
          </Button>
        </Space>,
      );
    }
  }
  if (parts.length === 0) {
    const turn = turnOf(item.status);
    return <Alert type="info" showIcon title={turn ? `等待${turn}处理` : "当前没有需要您处理的事项"} />;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {parts}
    </Space>
  );
}
