/**
 * One prose section of the report (一, 五 or 六): the text to edit, whether it follows the template or was
 * edited, and 恢复为模板生成 (the section returns to the text drafted from the records).
 */
import { Button, Input, Popconfirm, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { ProseNo } from "../api/report-types.ts";

/** Props of ProseSection. */
export interface ProseSectionProps {
  readonly no: ProseNo;
  readonly title: string;
  readonly text: string;
  readonly edited: boolean;
  readonly editable: boolean;
  readonly saving: boolean;
  readonly onEdit: (text: string) => void;
  readonly onRestore: () => void;
}

/** A prose section's editor. */
export function ProseSection({
  no,
  title,
  text,
  edited,
  editable,
  saving,
  onEdit,
  onRestore,
}: ProseSectionProps): ReactNode {
  const id = `prose-${no}`;
  return (
    <section aria-labelledby={`${id}-title`}>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={4} id={`${id}-title`} className="report-section-title">
          {`${no}、${title}`}
        </Typography.Title>
        {edited ? <Tag color="orange">已人工编辑</Tag> : <Tag color="green">按模板生成</Tag>}
        {saving ? <Typography.Text type="secondary">保存中…</Typography.Text> : null}
        {editable && edited ? (
          <Popconfirm
            title="恢复为模板生成？"
            description="本部分的人工修改将被放弃，改为按模板和登记数据重新生成。"
            okText="恢复"
            cancelText="取消"
            onConfirm={onRestore}
          >
            <Button size="small">恢复为模板生成</Button>
          </Popconfirm>
        ) : null}
      </Space>
      <label htmlFor={id} className="visually-hidden">{`第${no}部分正文`}</label>
      <Input.TextArea
        id={id}
        className="prose-text"
        value={text}
        readOnly={!editable}
        autoSize={{ minRows: 4, maxRows: 24 }}
        onChange={(event) => onEdit(event.target.value)}
      />
    </section>
  );
}
