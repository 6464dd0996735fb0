/**
 * The attachments of a case: download each; upload a PDF, JPEG, PNG or DOCX of at most 10 MB as 身份证明,
 * 补正材料 or 其他材料 (the server checks the file's real type too).
 */
import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, List, Select, Space, Typography, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { messageOf } from "../api/api-client.ts";
import type { AttachmentKind, RequestCase } from "../api/request-types.ts";
import { sizeText } from "./request-format.ts";
import { ATTACHMENT_KIND_LABELS } from "./request-labels.ts";
import { uploadFile } from "./upload-file.ts";

/** The largest attachment the server accepts. */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ".pdf,.jpg,.jpeg,.png,.docx";

const KIND_OPTIONS = (Object.keys(ATTACHMENT_KIND_LABELS) as AttachmentKind[]).map((value) => ({
  value,
  label: ATTACHMENT_KIND_LABELS[value],
}));

/** Props of AttachmentsPanel. */
export interface AttachmentsPanelProps {
  readonly request: RequestCase;
  readonly mayHandle: boolean;
  readonly onChanged: () => void;
}

/** The attachments card. */
export function AttachmentsPanel({ request, mayHandle, onChanged }: AttachmentsPanelProps): ReactNode {
  const { message } = App.useApp();
  const [kind, setKind] = useState<AttachmentKind>("other");
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File): Promise<void> => {
    if (file.size > MAX_BYTES) {
      message.error(`“${file.name}”超过 10 MB，请压缩或拆分后再上传`);
      return;
    }
    setUploading(true);
    try {
      await uploadFile(`/api/requests/${request.id}/attachments`, file, { kind });
      message.success(`已上传“${file.name}”`);
      onChanged();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card title="附件" size="small">
      <List
        size="small"
        dataSource={[...request.attachments]}
        locale={{ emptyText: "暂无附件" }}
        renderItem={(file) => (
          <List.Item>
            <Space wrap>
              <a href={`/api/requests/${request.id}/attachments/${file.id}`} download={file.fileName}>
                {file.fileName}
              </a>
              <Typography.Text type="secondary">
                {ATTACHMENT_KIND_LABELS[file.kind] ?? file.kind} · {sizeText(file.size)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {mayHandle && (
        <Space wrap className="attachment-upload">
          <Select
            aria-label="附件类别"
            options={KIND_OPTIONS}
            value={kind}
            onChange={setKind}
            style={{ width: 120 }}
          />
          <Upload
            accept={ACCEPTED}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
              上传附件
            </Button>
          </Upload>
          <Typography.Text type="secondary">PDF、JPEG、PNG 或 DOCX，不超过 10 MB</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
