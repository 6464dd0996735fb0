/**
 * The filter block of a list page: a form labelled 筛选条件 holding the page's selects, an optional
 * keyword box with 查询 (submitting sets the query; emptying the box clears it at once), then 我的案件 or
 * 我的待办, 刷新 and 新建 when the page has them, on one wrapping row.
 */
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Checkbox, Input, Select, Space } from "antd";
import { type ReactNode, useState } from "react";
import { yearOptions } from "./dates.ts";

/** The keyword box of a filter bar. */
export interface KeywordFilter {
  /** The query in force (from the page address). */
  readonly query: string | undefined;
  readonly placeholder: string;
  readonly width: number;
  /** A new query: the trimmed text, undefined when empty. */
  readonly onQuery: (query: string | undefined) => void;
}

/** The 我的… checkbox of a filter bar (我的案件, 我的待办). */
export interface MineFilter {
  readonly label: string;
  readonly checked: boolean;
  /** True when ticked, undefined when not (the filter is then left out). */
  readonly onChange: (mine: true | undefined) => void;
}

/** The 新建 button of a filter bar. */
export interface CreateAction {
  readonly label: string;
  readonly onCreate: () => void;
}

/** Props of FilterBar. */
export interface FilterBarProps {
  readonly className?: string;
  readonly keyword?: KeywordFilter;
  /** The selects before the keyword box. */
  readonly children: ReactNode;
  /** After 查询: the 我的… checkbox, 刷新, then the 新建 button (each when given). */
  readonly mine?: MineFilter | undefined;
  readonly onReload?: () => void;
  readonly create?: CreateAction | undefined;
}

/** The filter form of a list page. */
export function FilterBar({
  className,
  keyword,
  children,
  mine,
  onReload,
  create,
}: FilterBarProps): ReactNode {
  const [text, setText] = useState(keyword?.query ?? "");
  return (
    <form
      className={className}
      aria-label="筛选条件"
      onSubmit={(event) => {
        event.preventDefault();
        keyword?.onQuery(text.trim() || undefined);
      }}
    >
      <Space wrap size={[12, 8]}>
        {children}
        {keyword && (
          <>
            <Input
              aria-label="关键词"
              allowClear
              placeholder={keyword.placeholder}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                if (event.target.value === "") keyword.onQuery(undefined);
              }}
              style={{ width: keyword.width }}
            />
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </>
        )}
        {mine && (
          <Checkbox
            checked={mine.checked}
            onChange={(event) => mine.onChange(event.target.checked || undefined)}
          >
            {mine.label}
          </Checkbox>
        )}
        {onReload && <ReloadButton onReload={onReload} />}
        {create && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={create.onCreate}>
            {create.label}
          </Button>
        )}
      </Space>
    </form>
  );
}

/** Props of FilterSelect. */
export interface FilterSelectProps<T extends string | number> {
  /** The accessible name ("状态"). */
  readonly label: string;
  /** Shown when cleared ("全部状态"). */
  readonly placeholder: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T | undefined;
  /** The chosen value, undefined once cleared. */
  readonly onChange: (value: T | undefined) => void;
  readonly width: number;
  /** The width of the open list when wider than the select. */
  readonly popupWidth?: number;
}

/** A clearable select of one filter. */
export function FilterSelect<T extends string | number>({
  label,
  placeholder,
  options,
  value,
  onChange,
  width,
  popupWidth,
}: FilterSelectProps<T>): ReactNode {
  return (
    <Select<T>
      aria-label={label}
      allowClear
      placeholder={placeholder}
      options={[...options]}
      value={value}
      onChange={(next: T | undefined) => onChange(next ?? undefined)}
      style={{ width }}
      {...(popupWidth ? { popupMatchSelectWidth: popupWidth } : {})}
    />
  );
}

/** Props of YearFilter. */
export interface YearFilterProps {
  readonly label?: string;
  readonly value: number | undefined;
  readonly onChange: (year: number | undefined) => void;
  readonly width?: number;
}

/** A clearable 年度 filter: 2019 to this year, 全部年度 when cleared. */
export function YearFilter({ label = "年度", value, onChange, width = 110 }: YearFilterProps): ReactNode {
  return (
    <FilterSelect<number>
      label={label}
      placeholder="全部年度"
      options={yearOptions()}
      value={value}
      onChange={onChange}
      width={width}
    />
  );
}

/** The 刷新 button of a list page. */
export function ReloadButton({ onReload }: { readonly onReload: () => void }): ReactNode {
  return (
    <Button icon={<ReloadOutlined aria-hidden />} onClick={onReload}>
      刷新
    </Button>
  );
}
