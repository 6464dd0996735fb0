/**
 * Registering a new-media account (kind, name, account) or changing one's name and account, and whether
 * its 留言/评论/私信 function works with the day that was checked (N-2).
 */
import { Alert, App, Checkbox, Form, Input, Modal, Select } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { Channel } from "../api/publication-types.ts";
import { NEW_CHANNEL_KINDS } from "./channel-labels.ts";

/** What the modal does. */
export type ChannelEdit =
  | { readonly mode: "add"; readonly agencyId: number }
  | { readonly mode: "change"; readonly channel: Channel };

/** The modal. */
export function ChannelModal({
  edit,
  onClose,
}: {
  readonly edit: ChannelEdit | null;
  readonly onClose: (changed: boolean) => void;
}): ReactNode {
  const { message } = App.useApp();
  const [kind, setKind] = useState<string>("wechat");
  const [name, setName] = useState("");
  const [account, setAccount] = useState("");
  const [interactive, setInteractive] = useState(true);
  const [checkedOn, setCheckedOn] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const channel = edit?.mode === "change" ? edit.channel : undefined;
    setKind(channel?.kind ?? "wechat");
    setName(channel?.name ?? "");
    setAccount(channel?.account ?? "");
    setInteractive(channel?.interactive ?? true);
    setCheckedOn(channel?.interactiveCheckedOn ?? "");
    setProblem(null);
  }, [edit]);
  if (!edit) return null;

  const save = async (): Promise<void> => {
    if (name.trim() === "") {
      setProblem("请填写账号名称");
      return;
    }
    setSaving(true);
    try {
      if (edit.mode === "add") {
        await apiRequest("/api/channels", {
          method: "POST",
          body: { agencyId: edit.agencyId, kind, name: name.trim(), account: account.trim() },
        });
      } else {
        await apiRequest(`/api/channels/${edit.channel.id}`, {
          method: "PATCH",
          body: {
            name: name.trim(),
            account: account.trim(),
            interactive,
            interactiveCheckedOn: checkedOn === "" ? null : checkedOn,
          },
        });
      }
      message.success("已保存");
      onClose(true);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={edit.mode === "add" ? "登记政务新媒体账号" : `修改“${edit.channel.name}”`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        {edit.mode === "add" && (
          <Form.Item label="类型" htmlFor="channel-kind" required>
            <Select id="channel-kind" options={[...NEW_CHANNEL_KINDS]} value={kind} onChange={setKind} />
          </Form.Item>
        )}
        <Form.Item label="账号名称" htmlFor="channel-name" required>
          <Input id="channel-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label="账号（微信号、微博地址等）" htmlFor="channel-account">
          <Input
            id="channel-account"
            value={account}
            maxLength={200}
            onChange={(e) => setAccount(e.target.value)}
          />
        </Form.Item>
        {edit.mode === "change" && (
          <>
            <Form.Item>
              <Checkbox checked={interactive} onChange={(e) => setInteractive(e.target.checked)}>
                留言/评论/私信功能可用
              </Checkbox>
            </Form.Item>
            <Form.Item label="最近检查日期" htmlFor="channel-checked-on">
              <Input
                id="channel-checked-on"
                type="date"
                value={checkedOn}
                onChange={(e) => setCheckedOn(e.target.value)}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
