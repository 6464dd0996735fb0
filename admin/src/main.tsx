/**
 * Entry of the back-office shell: antd in Simplified Chinese (zh_CN, dayjs zh-cn), the App context for
 * messages and dialogs, and the session.
 */
import "dayjs/locale/zh-cn.js";
import "./admin-styles.css";
import { App, ConfigProvider, type ConfigProviderProps } from "antd";
import zhCNModule from "antd/locale/zh_CN.js";
import dayjs from "dayjs";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AdminApp } from "./admin-app.tsx";
import { SessionProvider } from "./session/session-context.tsx";

dayjs.locale("zh-cn");

type Locale = NonNullable<ConfigProviderProps["locale"]>;

// antd ships its locales as CommonJS: the bundler hands over the locale, Node-style typing its module.
const zhCN = ((zhCNModule as unknown as { default?: Locale }).default ?? zhCNModule) as Locale;

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        button={{ autoInsertSpace: false }}
        theme={{
          // Links, errors, secondary text and placeholders dark enough for a 4.5:1 contrast on white (WCAG AA).
          token: {
            fontSize: 15,
            colorPrimary: "#1f5fa8",
            colorLink: "#1f5fa8",
            // Danger buttons and links (注销 a session, 删除 …) and error text: antd's #ff4d4f is 3.3:1.
            colorError: "#cf1322",
            colorTextSecondary: "#595959",
            colorTextDescription: "#595959",
            colorTextTertiary: "#616161",
            colorTextQuaternary: "#666666",
            colorTextPlaceholder: "#666666",
            borderRadius: 4,
          },
        }}
      >
        <App>
          <SessionProvider>
            <AdminApp />
          </SessionProvider>
        </App>
      </ConfigProvider>
    </StrictMode>,
  );
}
