/**
 * The shell: the login page when signed out; otherwise the page of the current path inside the frame.
 * A user whose password must be changed is kept on 我的账号.
 */
import { Spin } from "antd";
import { type ReactNode, useEffect } from "react";
import { AdminLayout } from "./layout/admin-layout.tsx";
import { LoginPage } from "./login/login-page.tsx";
import { navigate, usePath } from "./navigation/navigation.ts";
import { routeOf, routesFor } from "./navigation/route-table.tsx";
import { useSession } from "./session/session-context.tsx";

/** The whole back office. */
export function AdminApp(): ReactNode {
  const { state } = useSession();
  const path = usePath();
  const mustChange = state.status === "signed-in" && state.user.mustChangePassword;
  // Until a temporary password is changed, 我的账号 is the only page.
  const allowed = state.status === "signed-in" ? routesFor(state.user) : [];
  const routes = mustChange ? allowed.filter((route) => route.path === "/account") : allowed;
  const matched = routeOf(routes, path);
  const current = matched ?? routes[0];

  useEffect(() => {
    if (current && current !== matched) navigate(current.path, { replace: true });
  }, [current, matched]);

  if (state.status === "loading") {
    return (
      <div className="app-loading" role="status">
        <Spin size="large" />
        <span>正在加载……</span>
      </div>
    );
  }
  if (state.status === "signed-out" || !current) return <LoginPage />;
  const { Page } = current;
  return (
    <AdminLayout user={state.user} routes={routes} current={current}>
      <Page />
    </AdminLayout>
  );
}
