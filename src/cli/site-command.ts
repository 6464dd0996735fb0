/**
 * `gongkai site export DIR [--agency ID] [--watch] [--origin URL] [--interval SECONDS]`: writes the public
 * site as static files for nginx (see docs/STATIC-EXPORT.md); with --watch, keeps them up to date.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { findAgency } from "../agencies/agency.repository.ts";
import { buildServer } from "../server/build-server.ts";
import { type ExportSummary, exportSite } from "../site/site-export.service.ts";
import { trailPosition, watchSite } from "../site/site-watch.ts";
import { withCliDatabase } from "./cli-database.ts";
import type { CommandIo } from "./command-io.ts";

/** Usage of `gongkai site`. */
export const SITE_USAGE = `用法：gongkai site export 目录 [--agency 机关ID] [--watch] [--origin 网址] [--interval 秒]
  把公开网站（门户首页、各机关政府信息公开专栏及其栏目、信息页面和附件、指南、年报及其文件、
  行政决定公示、已答复的留言、Atom 订阅、样式表）写成静态文件，供 nginx 直接提供；
  申请表、留言表、年报体检、检索和查询仍由应用处理（见 docs/STATIC-EXPORT.md）。
  只写入内容有变化的文件，删除已不存在的页面（如已撤回的信息）。
  --agency 机关ID   只导出该机关的页面（及列出它的门户页面）
  --watch           导出后继续运行：每隔几秒查看审计记录，只重新导出有变化的机关；Ctrl-C 停止
  --origin 网址     网站的公开网址（Atom 订阅中的绝对链接），默认取 GONGKAI_PUBLIC_URL
  --interval 秒     --watch 查看变化的间隔，默认 3 秒
`;

/** Prints a refusal and the usage; exit status 2. */
function refuse(io: CommandIo, message: string): number {
  io.err(`参数错误：${message}\n\n${SITE_USAGE}`);
  return 2;
}

/** The summary line of an export. */
function summaryLine(summary: ExportSummary): string {
  const rate = summary.seconds > 0 ? Math.round(summary.pages / summary.seconds) : summary.pages;
  return (
    `导出完成：${summary.pages} 个页面，${summary.files} 个文件（写入 ${summary.written} 个，删除 ` +
    `${summary.removed} 个），${summary.bytes} 字节，用时 ${summary.seconds.toFixed(1)} 秒（每秒 ${rate} 页）\n`
  );
}

/** Runs `gongkai site …`; returns the exit status. */
export async function runSite(args: readonly string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "--help" || sub === "-h" || sub === "help") {
    io.out(SITE_USAGE);
    return 0;
  }
  if (sub !== "export") return refuse(io, sub === undefined ? "缺少子命令 export" : `未知子命令：${sub}`);
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: {
      agency: { type: "string" },
      watch: { type: "boolean" },
      origin: { type: "string" },
      interval: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(SITE_USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) return refuse(io, "请给出一个导出目录");
  const agencyId = values.agency === undefined ? undefined : Number(values.agency);
  if (values.agency !== undefined && !/^[1-9]\d{0,8}$/.test(values.agency)) {
    return refuse(io, `机关ID 应为正整数：${values.agency}`);
  }
  const interval = values.interval === undefined ? 3 : Number(values.interval);
  if (!/^\d+(\.\d+)?$/.test(values.interval ?? "3") || interval < 0.2 || interval > 3600) {
    return refuse(io, "--interval 应为 0.2 到 3600 之间的秒数");
  }
  if (values.interval !== undefined && !values.watch) return refuse(io, "--interval 只能与 --watch 一起使用");
  const originText = values.origin ?? process.env.GONGKAI_PUBLIC_URL?.trim();
  if (!originText) return refuse(io, "请用 --origin 或环境变量 GONGKAI_PUBLIC_URL 给出网站的公开网址");
  const origin = URL.canParse(originText) ? new URL(originText) : undefined;
  if (!origin || (origin.protocol !== "http:" && origin.protocol !== "https:")) {
    return refuse(io, `网址不正确（应以 http:// 或 https:// 开头）：${originText}`);
  }
  const root = resolve(positionals[0]);

  return withCliDatabase(io, async (database) => {
    if (agencyId !== undefined && !(await findAgency(database.db, agencyId))) {
      io.err(`错误：找不到机关 ${agencyId}（可用 gongkai agency list 查看）\n`);
      return 2;
    }
    // Forwarded headers of the injected requests carry the public address (as nginx's would). No page cache:
    // this process does not hear of the server's changes on SQLite, so every page is rendered from the database.
    const app = await buildServer({ logLevel: false, database, trustProxy: "127.0.0.1", pageCacheBytes: 0 });
    try {
      await app.ready();
      const since = await trailPosition(database);
      let last = 0;
      const started = performance.now();
      const onProgress = (fetched: number) => {
        const now = performance.now();
        if (now - last < 250) return;
        last = now;
        const rate = Math.round(fetched / ((now - started) / 1000));
        io.err(`\r\x1b[K导出中：已处理 ${fetched} 个地址，每秒 ${rate} 个`);
      };
      const summary = await exportSite(app, database, {
        root,
        origin: origin.origin,
        ...(agencyId !== undefined ? { agencyIds: [agencyId] } : {}),
        ...(io.progress ? { onProgress } : {}),
      });
      if (io.progress) io.err("\r\x1b[K");
      io.out(summaryLine(summary));
      for (const link of summary.brokenLinks.slice(0, 20)) {
        io.err(`断链：${link.from} → ${link.to}（状态 ${link.status}）\n`);
      }
      if (summary.failed.length > 0) {
        io.err(
          `${summary.failed.length} 个地址出现服务器错误（重试后仍失败），本次未删除任何文件：${summary.failed.slice(0, 5).join("、")}\n`,
        );
      }
      if (!values.watch) return summary.brokenLinks.length > 0 || summary.failed.length > 0 ? 1 : 0;
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      io.out(`正在监视变化（每 ${interval} 秒），按 Ctrl-C 停止\n`);
      try {
        await watchSite(app, database, {
          root,
          origin: origin.origin,
          ...(agencyId !== undefined ? { agencyId } : {}),
          intervalMs: interval * 1000,
          signal: controller.signal,
          report: io.out,
          since,
        });
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
      io.out("已停止监视\n");
      return 0;
    } finally {
      await app.close();
    }
  });
}
