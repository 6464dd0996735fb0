/**
 * 新建信息: choose the agency (where the user may edit) and fill in the editor; saving makes a draft and
 * opens its page.
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Space, Typography } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { usePageTitle } from "../layout/page-title.ts";
import { navigate } from "../navigation/navigation.ts";
import { AgencySelect, useAgenciesWhere } from "../shared/agency-year-picker.tsx";
import { todayInShanghai } from "../shared/dates.ts";
import { PublicationEditor } from "./publication-editor.tsx";
import { emptyPublicationForm } from "./publication-form.ts";
import { useColumns } from "./use-columns.ts";

/** The page of a new item. */
export function NewPublicationPage(): ReactNode {
  usePageTitle("新建信息");
  const { agencies, allowed, first } = useAgenciesWhere("publication.edit");
  const [agencyId, setAgencyId] = useState<number | undefined>();
  useEffect(() => {
    if (agencyId === undefined && first !== undefined) setAgencyId(first);
  }, [agencyId, first]);
  const { columns } = useColumns(agencyId);
  const proactive = columns.find((c) => c.rootKind === "proactive")?.id;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate("/publications")}>
          返回列表
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          新建信息
        </Typography.Title>
        {allowed.size > 1 && (
          <AgencySelect agencies={agencies} allowed={allowed} value={agencyId} onChange={setAgencyId} />
        )}
      </Space>
      <Card size="small">
        <PublicationEditor
          key={`${agencyId}-${proactive}`}
          initial={emptyPublicationForm(todayInShanghai(), proactive)}
          columns={columns}
          agencyId={agencyId}
          onSaved={(item) => navigate(`/publications/${item.id}`, { replace: true })}
        />
      </Card>
    </Space>
  );
}
