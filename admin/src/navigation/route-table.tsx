/**
 * The pages of the back office, in menu order: the one place a module plugs in (依申请公开, 主动公开,
 * 年度报告 and 监测 add their route and menu entry here). An entry is shown only to users holding a role
 * that may take its `requires` action somewhere.
 */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  CommentOutlined,
  DatabaseOutlined,
  FileExcelOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  NotificationOutlined,
  ReadOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { ComponentType, ReactNode } from "react";
import type { Action } from "../../../src/core/access/permissions.ts";
import { mayAnywhere } from "../access/user-access.ts";
import { AccountPage } from "../account/account-page.tsx";
import { AgenciesPage } from "../agencies/agencies-page.tsx";
import type { User } from "../api/api-types.ts";
import { CalendarPage } from "../calendar/calendar-page.tsx";
import { ChannelsPage } from "../channels/channels-page.tsx";
import { LitigationPage } from "../litigation/litigation-page.tsx";
import { MessagesPage } from "../messages/messages-page.tsx";
import { MonitorPage } from "../monitors/monitor-page.tsx";
import { ColumnsPage } from "../publications/columns-page.tsx";
import { PublicationsPage } from "../publications/publications-page.tsx";
import { RegistriesPage } from "../registries/registries-page.tsx";
import { ReportOverviewPage } from "../reports/report-overview-page.tsx";
import { ReportWorkbenchPage } from "../reports/report-workbench-page.tsx";
import { AnnualTablePage } from "../requests/annual-table-page.tsx";
import { DashboardPage } from "../requests/dashboard-page.tsx";
import { IntakePage } from "../requests/intake-page.tsx";
import { LedgerPage } from "../requests/ledger-page.tsx";
import { RequestsPage } from "../requests/requests-page.tsx";
import { TrailPage } from "../trail/trail-page.tsx";
import { UsersPage } from "../users/users-page.tsx";

/** A page of the back office. */
export interface AdminRoute {
  /** Path inside /admin, e.g. "/users". */
  readonly path: string;
  /** Menu label and page title. */
  readonly title: string;
  readonly icon: ReactNode;
  /** The action the user must be allowed somewhere to see the page; null: every signed-in user. */
  readonly requires: Action | null;
  readonly Page: ComponentType;
}

/** Every page, in menu order. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  {
    path: "/requests",
    title: "依申请公开",
    icon: <FileSearchOutlined />,
    requires: "request.view",
    Page: RequestsPage,
  },
  {
    path: "/intake",
    title: "登记申请",
    icon: <FormOutlined />,
    requires: "request.handle",
    Page: IntakePage,
  },
  {
    path: "/statistics",
    title: "统计",
    icon: <BarChartOutlined />,
    requires: "request.view",
    Page: DashboardPage,
  },
  {
    path: "/annual-table",
    title: "年度表三",
    icon: <TableOutlined />,
    requires: "request.view",
    Page: AnnualTablePage,
  },
  { path: "/ledger", title: "台账", icon: <FileExcelOutlined />, requires: "request.view", Page: LedgerPage },
  {
    path: "/publications",
    title: "主动公开",
    icon: <ReadOutlined />,
    requires: "publication.view",
    Page: PublicationsPage,
  },
  {
    path: "/columns",
    title: "栏目",
    icon: <ApartmentOutlined />,
    requires: "publication.view",
    Page: ColumnsPage,
  },
  {
    path: "/channels",
    title: "政务新媒体",
    icon: <NotificationOutlined />,
    requires: "publication.view",
    Page: ChannelsPage,
  },
  {
    path: "/messages",
    title: "网民留言",
    icon: <CommentOutlined />,
    requires: "message.view",
    Page: MessagesPage,
  },
  {
    path: "/registries",
    title: "登记台账",
    icon: <DatabaseOutlined />,
    requires: "registry.view",
    Page: RegistriesPage,
  },
  {
    path: "/litigation",
    title: "复议诉讼",
    icon: <BankOutlined />,
    requires: "registry.view",
    Page: LitigationPage,
  },
  {
    path: "/reports",
    title: "年度报告",
    icon: <BookOutlined />,
    requires: "report.view",
    Page: ReportWorkbenchPage,
  },
  {
    path: "/report-overview",
    title: "年报汇总",
    icon: <FundOutlined />,
    requires: "report.view",
    Page: ReportOverviewPage,
  },
  {
    path: "/monitors",
    title: "监测预警",
    icon: <AlertOutlined />,
    requires: "monitor.view",
    Page: MonitorPage,
  },
  {
    path: "/agencies",
    title: "机关管理",
    icon: <ClusterOutlined />,
    requires: "agency.view",
    Page: AgenciesPage,
  },
  { path: "/users", title: "用户与角色", icon: <TeamOutlined />, requires: "user.view", Page: UsersPage },
  { path: "/trail", title: "操作留痕", icon: <AuditOutlined />, requires: "trail.view", Page: TrailPage },
  {
    path: "/calendar",
    title: "工作日历",
    icon: <CalendarOutlined />,
    requires: "calendar.manage",
    Page: CalendarPage,
  },
  { path: "/account", title: "我的账号", icon: <UserOutlined />, requires: null, Page: AccountPage },
];

/** The pages this user may open, in menu order. */
export function routesFor(user: User): AdminRoute[] {
  return ADMIN_ROUTES.filter((route) => route.requires === null || mayAnywhere(user, route.requires));
}

/** The page of a path among the user's pages (a sub-path such as "/users/12" belongs to "/users"). */
export function routeOf(routes: readonly AdminRoute[], path: string): AdminRoute | undefined {
  return routes.find((route) => path === route.path || path.startsWith(`${route.path}/`));
}
