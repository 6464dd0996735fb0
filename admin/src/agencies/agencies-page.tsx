/**
 * 机关管理: the agency tree on the left; the selected agency's profile on the right, with "新建下级机关"
 * for those who may create agencies there.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Skeleton, Tree } from "antd";
import { type ReactNode, useMemo, useState } from "react";
import { agencyIdsWhere } from "../access/user-access.ts";
import type { Agency } from "../api/api-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { useUser } from "../session/session-context.tsx";
import { agencyTree, useAgencyList } from "./agency-list.ts";
import { AgencyProfileForm } from "./agency-profile-form.tsx";
import { CreateAgencyModal } from "./create-agency-modal.tsx";

/** The agencies page. */
export function AgenciesPage(): ReactNode {
  usePageTitle("机关管理");
  const user = useUser();
  const { agencies, loading, reload } = useAgencyList();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creatingUnder, setCreatingUnder] = useState<Agency | null>(null);

  const tree = useMemo(() => agencyTree(agencies), [agencies]);
  const mayCreate = useMemo(() => agencyIdsWhere(user, "agency.create", agencies), [user, agencies]);
  const mayUpdate = useMemo(() => agencyIdsWhere(user, "agency.update", agencies), [user, agencies]);
  const selected = agencies.find((a) => a.id === selectedId) ?? agencies[0] ?? null;

  const afterChange = async (agency: Agency): Promise<void> => {
    await reload();
    setSelectedId(agency.id);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xl={7}>
        <Card
          title="机关"
          extra={
            selected &&
            mayCreate.has(selected.id) && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setCreatingUnder(selected)}>
                新建下级机关
              </Button>
            )
          }
        >
          {loading && agencies.length === 0 ? (
            <Skeleton active />
          ) : tree.length === 0 ? (
            <Empty description="没有可查看的机关" />
          ) : (
            <Tree
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) setSelectedId(Number(key));
              }}
              aria-label="机关列表（方向键移动，回车选择）"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16} xl={17}>
        <Card title={selected ? selected.name : "机关资料"}>
          {selected ? (
            <AgencyProfileForm
              agency={selected}
              editable={mayUpdate.has(selected.id)}
              onSaved={(agency) => void afterChange(agency)}
            />
          ) : (
            !loading && <Empty description="请在左侧选择机关" />
          )}
        </Card>
      </Col>
      <CreateAgencyModal
        parent={creatingUnder}
        onClose={() => setCreatingUnder(null)}
        onCreated={(agency) => {
          setCreatingUnder(null);
          void afterChange(agency);
        }}
      />
    </Row>
  );
}
