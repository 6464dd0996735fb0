/**
 * The pagination of a list whose page and page size live in the page's filters: 20, 50 or 100 a page,
 * "共 N 件" under the table, back to page 1 when the page size changes.
 */
import type { TablePaginationConfig } from "antd";

/** Where a paged list stands. */
export interface Paging {
  readonly page: number;
  readonly pageSize: number;
}

/** The paging after the table asked for `page` at `pageSize`: page 1 when the size changed. */
export function pagingAfter<P extends Paging>(current: P, page: number, pageSize: number): P {
  return { ...current, page: pageSize === current.pageSize ? page : 1, pageSize };
}

/** antd's pagination of the list: `unit` counts the total ("件", "条"), `onChange` gets the new paging. */
export function listPagination(
  paging: Paging,
  total: number,
  unit: string,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (count) => `共 ${count} ${unit}`,
    onChange,
  };
}
