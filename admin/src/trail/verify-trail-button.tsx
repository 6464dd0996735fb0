/**
 * "校验完整性": GET /api/trail/verify checks the hash chain of the whole audit trail and the result is
 * shown in plain words.
 */
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Space } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { TrailVerification } from "../api/api-types.ts";

/** The button and, once run, the result. */
export function VerifyTrailButton(): ReactNode {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ type: "success" | "error"; text: string } | null>(null);

  const verify = async (): Promise<void> => {
    setBusy(true);
    setResult(null);
    try {
      const answer = await apiRequest<TrailVerification>("/api/trail/verify");
      if (answer.ok) {
        setResult({ type: "success", text: `校验通过：共检查 ${answer.checked} 条记录，未发现篡改或缺失。` });
      } else {
        const broken = answer.firstBroken;
        setResult({
          type: "error",
          text: `校验未通过：共检查 ${answer.checked} 条记录，${
            broken ? `第 ${broken.seq} 条记录起链条断开（${broken.reason}）` : "发现异常"
          }。请立即报告系统管理员和保密部门。`,
        });
      }
    } catch (error) {
      setResult({ type: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={busy} onClick={() => void verify()}>
        校验完整性
      </Button>
      {result && <Alert type={result.type} showIcon title={result.text} role="status" />}
    </Space>
  );
}
