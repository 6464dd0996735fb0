/**
 * One message: what the author asked, the reply-due date, and — to staff who may reply — the reply form
 * (答复内容, 答复部门, 答复日期, 公开 only when the author consented), 标记无效 with a reason, and publishing
 * or taking down a replied message.
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { type ReactNode, useCallback, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { StaffMessage } from "../api/message-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { navigate } from "../navigation/navigation.ts";
import { mayIn } from "../publications/publication-labels.ts";
import { useUser } from "../session/session-context.tsx";
import { todayInShanghai } from "../shared/dates.ts";
import { useApiQuery } from "../shared/use-api-query.ts";
import { type ReplyForm, replyBody, replyDueTag, replyProblem } from "./message-labels.ts";

/** The reply and mark-invalid forms of a pending message. */
function PendingActions({
  item,
  onChanged,
}: {
  readonly item: StaffMessage;
  readonly onChanged: (m: StaffMessage) => void;
}): ReactNode {
  const { message } = App.useApp();
  const [form, setForm] = useState<ReplyForm>({
    body: "",
    department: "",
    repliedOn: todayInShanghai(),
    publish: item.publishConsent,
  });
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ReplyForm>) => setForm((f) => ({ ...f, ...change }));
  const post = async (verb: string, body: unknown, done: string): Promise<void> => {
    setBusy(true);
    try {
      onChanged(await apiRequest<StaffMessage>(`/api/messages/${item.id}/${verb}`, { method: "POST", body }));
      message.success(done);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const reply = () => {
    const found = replyProblem(form);
    setProblem(found);
    if (!found) void post("reply", replyBody(form, item.publishConsent), "已答复");
  };
  const reject = () => {
    if (reason.trim() === "") {
      setProblem("标记无效须填写原因");
      return;
    }
    void post("reject", { reason: reason.trim() }, "已标记为无效留言");
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Card size="small" title="答复">
        <Form layout="vertical" component="div">
          <Form.Item label="答复内容" htmlFor="reply-body" required>
            <Input.TextArea
              id="reply-body"
              value={form.body}
              maxLength={5000}
              autoSize={{ minRows: 5, maxRows: 14 }}
              onChange={(e) => set({ body: e.target.value })}
            />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item label="答复部门" htmlFor="reply-department" required>
              <Input
                id="reply-department"
                value={form.department}
                maxLength={100}
                onChange={(e) => set({ department: e.target.value })}
                style={{ width: 220 }}
              />
            </Form.Item>
            <Form.Item label="答复日期" htmlFor="reply-date" required>
              <Input
                id="reply-date"
                type="date"
                value={form.repliedOn}
                onChange={(e) => set({ repliedOn: e.target.value })}
                style={{ width: 160 }}
              />
            </Form.Item>
          </Space>
          {item.publishConsent ? (
            <Form.Item>
              <Checkbox checked={form.publish} onChange={(e) => set({ publish: e.target.checked })}>
                公开（留言人同意公开；姓名只显示第一个字）
              </Checkbox>
            </Form.Item>
          ) : (
            <Typography.Paragraph type="secondary">
              留言人未同意公开，答复只告知留言人，不在网站公开。
            </Typography.Paragraph>
          )}
          <Button type="primary" loading={busy} onClick={reply}>
            提交答复
          </Button>
        </Form>
      </Card>
      <Card size="small" title="标记为无效留言">
        <Space wrap>
          <label htmlFor="reject-reason">原因</label>
          <Input
            id="reject-reason"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: 360 }}
            placeholder="如：重复留言、与本机关职责无关、含有违法内容"
          />
          <Button danger loading={busy} onClick={reject}>
            标记无效
          </Button>
        </Space>
      </Card>
    </Space>
  );
}

/** The page of message `id`. */
export function MessagePage({ id }: { readonly id: number }): ReactNode {
  const me = useUser();
  const { message } = App.useApp();
  const read = useCallback(() => apiRequest<StaffMessage>(`/api/messages/${id}`), [id]);
  const { data: item, error: failure, setData: setItem } = useApiQuery(read, { quiet: true });
  const [busy, setBusy] = useState(false);
  usePageTitle(item ? item.title : "网民留言");
  if (!item) return failure ? <Alert type="error" showIcon title={failure} /> : <Spin />;
  const mayReply = mayIn(me, "message.reply", item.agencyId);
  const tag = replyDueTag(item, todayInShanghai());
  const toggle = async (verb: "publish" | "unpublish"): Promise<void> => {
    setBusy(true);
    try {
      setItem(await apiRequest<StaffMessage>(`/api/messages/${item.id}/${verb}`, { method: "POST" }));
      message.success(verb === "publish" ? "已公开" : "已取消公开");
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%", maxWidth: 960 }}>
      <Space wrap>
        <Button
          icon={<ArrowLeftOutlined aria-hidden />}
          onClick={() => navigate(`/messages?agencyId=${item.agencyId}&status=${item.status}`)}
        >
          返回列表
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {item.title}
        </Typography.Title>
        <Tag color={item.status === "pending" ? "blue" : item.status === "replied" ? "green" : "default"}>
          {item.statusName}
        </Tag>
        {tag && <Tag color={tag.color}>{tag.text}</Tag>}
        {item.published && <Tag color="green">已公开</Tag>}
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="类别">{item.kindName}</Descriptions.Item>
        <Descriptions.Item label="受理日期">{item.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="留言人">{item.authorName}</Descriptions.Item>
        <Descriptions.Item label="答复期限">{item.replyDueOn}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{item.contactPhone || "—"}</Descriptions.Item>
        <Descriptions.Item label="电子邮箱">{item.contactEmail || "—"}</Descriptions.Item>
        <Descriptions.Item label="同意公开">{item.publishConsent ? "同意" : "不同意"}</Descriptions.Item>
        <Descriptions.Item label="编号">{item.id}</Descriptions.Item>
        <Descriptions.Item label="留言内容" span={2}>
          <div style={{ whiteSpace: "pre-wrap" }}>{item.body}</div>
        </Descriptions.Item>
        {item.reply && (
          <>
            <Descriptions.Item label="答复部门">{item.reply.department}</Descriptions.Item>
            <Descriptions.Item label="答复日期">{item.reply.repliedOn}</Descriptions.Item>
            <Descriptions.Item label="答复内容" span={2}>
              <div style={{ whiteSpace: "pre-wrap" }}>{item.reply.body}</div>
            </Descriptions.Item>
          </>
        )}
        {item.rejectReason && (
          <Descriptions.Item label="无效原因" span={2}>
            {item.rejectReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      {mayReply && item.status === "pending" && <PendingActions item={item} onChanged={setItem} />}
      {mayReply && item.status === "replied" && item.publishConsent && (
        <Space>
          {item.published ? (
            <Button loading={busy} onClick={() => void toggle("unpublish")}>
              取消公开
            </Button>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void toggle("publish")}>
              在网站公开
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}
