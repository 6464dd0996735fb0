/**
 * The list of agency + role pairs of a user, edited as rows of (机关, 角色) with 添加 and 删除. Rows in
 * agencies the editor may not manage are shown but locked (the server keeps them unchanged).
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Select, Space, TreeSelect } from "antd";
import type { ReactNode } from "react";
import { ROLE_KEYS, ROLES } from "../../../src/core/access/permissions.ts";
import type { AgencyTreeNode } from "../agencies/agency-list.ts";

/** Props of RoleGrantsField. */
export interface RoleGrantsFieldProps {
  /** The agency tree, with agencies the editor may not manage disabled. */
  readonly tree: readonly AgencyTreeNode[];
  /** Agencies where the editor has user.manage. */
  readonly manageable: ReadonlySet<number>;
  /** The name of an agency not in the tree (e.g. outside what the editor sees). */
  readonly agencyName: (id: number) => string;
}

const ROLE_OPTIONS = ROLE_KEYS.map((key) => ({ value: key, label: ROLES[key] }));

/** The Form.List "roles" of { agencyId, role } rows. */
export function RoleGrantsField({ tree, manageable, agencyName }: RoleGrantsFieldProps): ReactNode {
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_rule, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error("请至少分配一个角色");
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset className="role-grants">
          <legend>角色（按机关分配）</legend>
          {fields.map((field, index) => (
            <Form.Item noStyle key={field.key} shouldUpdate>
              {(form) => {
                const agencyId = form.getFieldValue(["roles", field.name, "agencyId"]) as number | undefined;
                const locked = agencyId !== undefined && !manageable.has(agencyId);
                return (
                  <Space align="start" wrap className="role-grant-row">
                    <Form.Item
                      name={[field.name, "agencyId"]}
                      label={`第 ${index + 1} 项 机关`}
                      rules={[{ required: true, message: "请选择机关" }]}
                    >
                      {locked ? (
                        <Select
                          disabled
                          style={{ width: 260 }}
                          options={[{ value: agencyId, label: agencyName(agencyId) }]}
                        />
                      ) : (
                        <TreeSelect
                          treeData={[...tree]}
                          treeDefaultExpandAll
                          style={{ width: 260 }}
                          placeholder="选择机关"
                          showSearch={{ treeNodeFilterProp: "title" }}
                        />
                      )}
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "role"]}
                      label="角色"
                      rules={[{ required: true, message: "请选择角色" }]}
                    >
                      <Select
                        options={ROLE_OPTIONS}
                        style={{ width: 160 }}
                        placeholder="选择角色"
                        disabled={locked}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      disabled={locked}
                      aria-label={`删除第 ${index + 1} 项角色`}
                      className="role-grant-remove"
                    >
                      删除
                    </Button>
                  </Space>
                );
              }}
            </Form.Item>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add()}>
            添加角色
          </Button>
          <Form.ErrorList errors={errors} />
        </fieldset>
      )}
    </Form.List>
  );
}
