/**
 * The attachments of an item: download each; while it is a draft, upload (PDF, OFD, Word/WPS, Excel, images,
 * ZIP; at most 32 MB; the server checks the file's real type) and remove.
 */
import { UploadOutlined } from "@ant-design/icons";
import { App, Button, List, Popconfirm, Space, Typography, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { PublicationView } from "../api/publication-types.ts";
import { sizeText } from "../requests/request-format.ts";
import { uploadFile } from "../requests/upload-file.ts";

const MAX_BYTES = 32 * 1024 * 1024;
const ACCEPTED = ".pdf,.ofd,.doc,.docx,.xls,.xlsx,.wps,.et,.jpg,.jpeg,.png,.zip";

/** Props of PublicationAttachments. */
export interface PublicationAttachmentsProps {
  readonly item: PublicationView;
  readonly editable: boolean;
  readonly onChanged: () => void;
}

/** The attachments list with upload. */
export function PublicationAttachments({
  item,
  editable,
  onChanged,
}: PublicationAttachmentsProps): ReactNode {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const base = `/api/publications/${item.id}/attachments`;
  const upload = async (file: File): Promise<void> => {
    if (file.size > MAX_BYTES) {
      message.error(`“${file.name}”超过 32 MB`);
      return;
    }
    setUploading(true);
    try {
      await uploadFile(base, file);
      message.success(`已上传“${file.name}”`);
      onChanged();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setUploading(false);
    }
  };
  const remove = async (id: number): Promise<void> => {
    try {
      await apiRequest(`${base}/${id}`, { method: "DELETE" });
      onChanged();
    } catch (error) {
      message.error(messageOf(error));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <List
        size="small"
        dataSource={[...item.attachments]}
        locale={{ emptyText: "暂无附件" }}
        renderItem={(file) => (
          <List.Item
            actions={
              editable
                ? [
                    <Popconfirm
                      key="remove"
                      title={`删除“${file.fileName}”？`}
                      onConfirm={() => void remove(file.id)}
                    >
                      <Button size="small" type="link" danger>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap>
              <a href={`${base}/${file.id}`} download={file.fileName}>
                {file.fileName}
              </a>
              <Typography.Text type="secondary">{sizeText(file.size)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {editable && (
        <Space wrap>
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
          <Typography.Text type="secondary">
            PDF、OFD、Word、WPS、Excel、图片或 ZIP，不超过 32 MB
          </Typography.Text>
        </Space>
      )}
    </Space>
  );
}
