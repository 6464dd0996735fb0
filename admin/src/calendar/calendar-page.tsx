/**
 * 工作日历: a year's statutory holidays and working weekends (调休上班) as the deadline engine uses them
 * (R-WD-1), and the entry of a new year's arrangement from the 国务院办公厅 notice. A year not entered
 * makes the deadlines reaching into it provisional (R-WD-3); saving recomputes open cases (R-WD-4).
 */
import "../requests/requests-styles.css";
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Spin, Tag, Typography } from "antd";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { CalendarYear } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import {
  currentYear,
  REVISED_REGULATION_YEAR,
  todayInShanghai,
  type YearOption,
  yearRange,
} from "../shared/dates.ts";
import { orMissing, useApiQuery } from "../shared/use-api-query.ts";
import { parseDateList, scheduleOf, weekdayName } from "./schedule-input.ts";

/** The years offered: from 2019 to two years ahead. */
function calendarYears(today: string): YearOption[] {
  return yearRange(REVISED_REGULATION_YEAR, currentYear(today) + 2);
}

/** Dates as tags with their weekday. */
function DayTags({ dates, color }: { readonly dates: readonly string[]; readonly color: string }): ReactNode {
  if (dates.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <div className="calendar-days">
      {dates.map((d) => (
        <Tag key={d} color={color}>
          {d} {weekdayName(d)}
        </Tag>
      ))}
    </div>
  );
}

interface EntryValues {
  readonly holidays: string;
  readonly workdays: string;
  readonly source: string;
}

/** The form entering (or correcting) a year's arrangement. */
function ScheduleForm({
  year,
  current,
  onSaved,
}: {
  readonly year: number;
  readonly current: CalendarYear | null;
  readonly onSaved: (saved: CalendarYear) => void;
}): ReactNode {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const holidaysText: string = Form.useWatch("holidays", form) ?? "";
  const workdaysText: string = Form.useWatch("workdays", form) ?? "";
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const holidays = parseDateList(holidaysText, year);
  const workdays = parseDateList(workdaysText, year);

  const save = (values: EntryValues): void => {
    const checked = scheduleOf(year, values.holidays, values.workdays, values.source);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setError(null);
    modal.confirm({
      title: `保存 ${year} 年节假日安排？`,
      content: `放假 ${checked.schedule.holidays.length} 天，调休上班 ${checked.schedule.workdays.length} 天。保存后，期限涉及 ${year} 年的在办申请将按新的安排重新计算，变动的日期记入操作留痕（R-WD-4）。`,
      okText: "保存",
      onOk: async () => {
        setSaving(true);
        try {
          const saved = await apiRequest<CalendarYear>(`/api/calendar/${year}`, {
            method: "PUT",
            body: checked.schedule,
          });
          message.success(`${year} 年节假日安排已保存`);
          onSaved(saved);
        } catch (failure) {
          setError(messageOf(failure));
        } finally {
          setSaving(false);
        }
      },
    });
  };

  return (
    <Form<EntryValues>
      form={form}
      layout="vertical"
      onFinish={save}
      initialValues={{
        holidays: current?.holidays.join("\n") ?? "",
        workdays: current?.workdays.join("\n") ?? "",
        source: current?.source ?? `gov.cn-${year}`,
      }}
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅关于 {year} 年部分节假日安排的通知录入。每行一个日期或日期范围，例如“{year}-10-01至
        {year}-10-07”或“10-01至10-07”； 调休上班只录入需要上班的周六、周日。
      </Typography.Paragraph>
      <Space wrap align="start" size="large">
        <Form.Item
          label="放假日期"
          name="holidays"
          rules={[{ required: true, whitespace: true, message: "请录入放假日期" }]}
        >
          <Input.TextArea rows={8} style={{ width: 300 }} className="mono-input" />
        </Form.Item>
        <Form.Item label="调休上班日期（周六、周日）" name="workdays">
          <Input.TextArea rows={8} style={{ width: 300 }} className="mono-input" />
        </Form.Item>
        <Form.Item
          label="来源标识"
          name="source"
          extra="字母、数字和 . _ @ -，例如 gov.cn-2027"
          rules={[
            {
              required: true,
              pattern: /^[A-Za-z0-9._@-]{1,64}$/,
              message: "只能使用字母、数字和 . _ @ -，不超过 64 个字符",
            },
          ]}
        >
          <Input style={{ width: 220 }} />
        </Form.Item>
      </Space>
      <Card size="small" title="核对" style={{ marginBottom: 16 }}>
        <Typography.Text strong>放假：</Typography.Text>
        {holidays.ok ? (
          <DayTags dates={holidays.dates} color="red" />
        ) : (
          <Typography.Text type="danger">{holidays.message}</Typography.Text>
        )}
        <Typography.Text strong>调休上班：</Typography.Text>
        {workdays.ok ? (
          <DayTags dates={workdays.dates} color="blue" />
        ) : (
          <Typography.Text type="danger">{workdays.message}</Typography.Text>
        )}
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={saving}>
        保存 {year} 年安排
      </Button>
    </Form>
  );
}

/** The calendar page. */
export function CalendarPage(): ReactNode {
  usePageTitle("工作日历");
  const today = todayInShanghai();
  const years = useMemo(() => calendarYears(today), [today]);
  const [year, setYear] = useState(currentYear(today) + 1);
  const [editing, setEditing] = useState(false);
  const read = useCallback(
    async () => ({ year, schedule: await orMissing(apiRequest<CalendarYear>(`/api/calendar/${year}`)) }),
    [year],
  );
  const { data: answer, loading, setData: setAnswer } = useApiQuery(read);
  // Only the chosen year's answer counts: another year's is not shown while this one loads.
  const current = answer?.year === year ? answer : null;
  const data = current?.schedule ?? null;
  const missing = current !== null && current.schedule === null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <label htmlFor="calendar-year">年度：</label>
        <Select
          id="calendar-year"
          options={years}
          value={year}
          onChange={(next: number) => {
            setYear(next);
            setEditing(false);
          }}
          style={{ width: 110 }}
        />
      </Space>
      <Spin spinning={loading}>
        {data && !editing && (
          <Card
            size="small"
            title={`${year} 年节假日安排`}
            extra={<Button onClick={() => setEditing(true)}>更正</Button>}
          >
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text type="secondary">
                来源：{data.source}
                {data.enteredBy ? `，由 ${data.enteredBy} 录入` : ""}
              </Typography.Text>
              <Typography.Text strong>放假（{data.holidays.length} 天）：</Typography.Text>
              <DayTags dates={data.holidays} color="red" />
              <Typography.Text strong>调休上班（{data.workdays.length} 天）：</Typography.Text>
              <DayTags dates={data.workdays} color="blue" />
            </Space>
          </Card>
        )}
        {missing && !editing && (
          <Card size="small">
            <Empty
              description={`尚未录入 ${year} 年节假日安排：期限涉及 ${year} 年的申请暂按周一至周五计算，标为“暂定”（R-WD-3）。`}
            >
              <Button type="primary" onClick={() => setEditing(true)}>
                录入 {year} 年安排
              </Button>
            </Empty>
          </Card>
        )}
        {editing && (
          <Card
            size="small"
            title={`${data ? "更正" : "录入"} ${year} 年节假日安排`}
            extra={<Button onClick={() => setEditing(false)}>取消</Button>}
          >
            <ScheduleForm
              year={year}
              current={data}
              onSaved={(saved) => {
                setAnswer({ year, schedule: saved });
                setEditing(false);
              }}
            />
          </Card>
        )}
      </Spin>
    </Space>
  );
}
