/**
 * A table value with records behind it: the number is a button that opens a popover listing those records
 * (the first 20 described, the rest by number), each a link to where it is kept in the back office.
 */
import { Button, List, Popover, Spin, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { CellRecords } from "../api/report-types.ts";
import { ADMIN_BASE, navigate } from "../navigation/navigation.ts";
import { RECORD_KIND_NAMES, recordApiPath, recordLabel, recordPath, recordSummary } from "./cell-records.ts";

/** How many records the popover describes (the rest are listed by number). */
const DESCRIBED = 20;

/** One record's line in the popover. */
interface RecordLine {
  readonly id: number;
  readonly text: string;
}

/** Fetches the descriptions of the first records. */
async function describeRecords(records: CellRecords): Promise<RecordLine[]> {
  return Promise.all(
    records.ids.map(async (id, index) => {
      const api = recordApiPath(records.kind, id);
      if (index >= DESCRIBED || api === null) return { id, text: recordLabel(records.kind, id) };
      try {
        return { id, text: recordSummary(records.kind, id, await apiRequest<unknown>(api)) };
      } catch {
        return { id, text: recordLabel(records.kind, id) };
      }
    }),
  );
}

/** Props of RecordsValue. */
export interface RecordsValueProps {
  readonly value: ReactNode;
  readonly records: CellRecords | null;
  /** What the value counts, for the popover title ("行政许可"). */
  readonly label: string;
}

/** A value that opens the list of its records; a plain value when there are none. */
export function RecordsValue({ value, records, label }: RecordsValueProps): ReactNode {
  const [lines, setLines] = useState<RecordLine[] | null>(null);
  if (records === null) return <span>{value}</span>;
  const open = (visible: boolean) => {
    if (visible && lines === null) void describeRecords(records).then(setLines);
  };
  const content = (
    <div className="records-popover">
      {lines === null ? (
        <Spin size="small" />
      ) : (
        <List
          size="small"
          dataSource={lines}
          renderItem={(line) => {
            const path = recordPath(records.kind, line.id);
            return (
              <List.Item>
                <a
                  href={`${ADMIN_BASE}${path}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(path);
                  }}
                >
                  {line.text}
                </a>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      onOpenChange={open}
      title={
        <Typography.Text>{`${label}：${records.ids.length} 件${RECORD_KIND_NAMES[records.kind] ?? "记录"}`}</Typography.Text>
      }
      content={content}
    >
      <Button
        type="link"
        size="small"
        className="records-value"
        aria-label={`${label} ${String(value)}，查看记录`}
      >
        {value}
      </Button>
    </Popover>
  );
}
