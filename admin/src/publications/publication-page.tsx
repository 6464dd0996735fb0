/**
 * A catalog item's page: its status, whose turn it is and R-26-1; the action panel (submit, 通过 / 退回,
 * publish, withdraw, amend); the editor while it is a draft the user may edit, else its metadata and body;
 * attachments; the channels it went out on; and its 先审后发 record.
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from "antd";
import { type ReactNode, useCallback } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { PublicationView } from "../api/publication-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { useUser } from "../session/session-context.tsx";
import { useApiQuery } from "../shared/use-api-query.ts";
import { columnPath } from "./column-tree.ts";
import { PublicationActions } from "./publication-actions.tsx";
import { PublicationAttachments } from "./publication-attachments.tsx";
import { PublicationEditor } from "./publication-editor.tsx";
import { formOfPublication } from "./publication-form.ts";
import { PublicationHistory } from "./publication-history.tsx";
import { mayIn } from "./publication-labels.ts";
import { PublicationPosts } from "./publication-posts.tsx";
import { R26FlagTag, StatusTag, TurnText } from "./status-tags.tsx";
import { useColumns } from "./use-columns.ts";

/** A link to another item of the catalog. */
function ItemLink({ id, text }: { readonly id: number; readonly text: string }): ReactNode {
  return (
    <a
      href={`${ADMIN_BASE}/publications/${id}`}
      onClick={(event) => {
        event.preventDefault();
        navigate(`/publications/${id}`);
      }}
    >
      {text}
    </a>
  );
}

/** The item's metadata, read-only. */
function Metadata({ item, column }: { readonly item: PublicationView; readonly column: string }): ReactNode {
  const rows: [string, ReactNode][] = [
    ["索引号", item.indexNo ?? "发布时生成"],
    ["栏目", column || "—"],
    ["发布机构", item.publisher],
    ["文号", item.documentNo || "—"],
    ["成文日期", item.writtenOn ?? "—"],
    ["形成日期", item.formedOn],
    ["发布日期", item.publishedOn ?? "—"],
    ["有效性", item.validity],
    ["主题分类", item.topic || "—"],
    ["体裁", item.genre || "—"],
    ["条例第二十条", item.categoryItem ?? "—"],
    ["期号", item.issueNo ?? "—"],
  ];
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xxl: 3 }}>
        {rows.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {value}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="内容概述" span={3}>
          {item.summary || "—"}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>正文</Typography.Title>
      <div
        className="publication-body"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the body was sanitised by the server when saved.
        dangerouslySetInnerHTML={{ __html: item.bodyHtml || "<p>（无正文）</p>" }}
      />
    </Space>
  );
}

/** The page of item `id`. */
export function PublicationPage({ id }: { readonly id: number }): ReactNode {
  const me = useUser();
  const read = useCallback(() => apiRequest<PublicationView>(`/api/publications/${id}`), [id]);
  const { data: item, error: failure, reload: load, setData: setItem } = useApiQuery(read);
  const { columns } = useColumns(item?.agencyId);
  usePageTitle(item ? item.title : "主动公开信息");

  if (!item) return failure ? <Alert type="error" showIcon title={failure} /> : <Spin />;
  const editable = item.status === "draft" && mayIn(me, "publication.edit", item.agencyId);
  const column = columnPath(columns, item.columnId);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate("/publications")}>
          返回列表
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {item.title}
        </Typography.Title>
        <StatusTag status={item.status} />
        <R26FlagTag r26={item.r26} />
      </Space>
      <Space wrap size="large">
        <span>
          待办：
          <TurnText status={item.status} />
        </span>
        <span>
          R-26-1 公开期限：{item.r26.dueOn}（已过 {item.r26.elapsedWorkdays} 个工作日）
        </span>
        {item.amendsId !== null && (
          <span>
            修订自 <ItemLink id={item.amendsId} text={`第 ${item.amendsId} 号信息`} />
          </span>
        )}
        {item.amendedById !== null && (
          <span>
            已被 <ItemLink id={item.amendedById} text={`第 ${item.amendedById} 号信息`} /> 修订
          </span>
        )}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={editable ? "编辑信息" : "信息内容"} size="small">
            {editable ? (
              <PublicationEditor
                key={item.updatedAt}
                initial={formOfPublication(item)}
                columns={columns}
                item={item}
                agencyId={item.agencyId}
                onSaved={setItem}
              />
            ) : (
              <Metadata item={item} column={column} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Card title="办理" size="small">
              <PublicationActions item={item} onChanged={setItem} />
            </Card>
            <Card title="附件" size="small">
              <PublicationAttachments item={item} editable={editable} onChanged={() => void load()} />
            </Card>
          </Space>
        </Col>
      </Row>
      <Card title="审查记录（先审后发）" size="small">
        <PublicationHistory log={item.log} />
      </Card>
      <Card title="发布渠道" size="small">
        <PublicationPosts
          item={item}
          mayEdit={mayIn(me, "publication.edit", item.agencyId)}
          onChanged={() => void load()}
        />
      </Card>
    </Space>
  );
}
