/**
 * The gongkai command line: audit published annual reports, render reports, serve the web application, and
 * the operator commands (database, users, agencies, audit trail). Each command's module (and the libraries
 * it needs) is imported only when that command runs.
 */
import type { CommandIo } from "./command-io.ts";
import { parseArgsMessage } from "./command-line.ts";

const HELP = `gongkai — 政府信息公开工作平台

用法：
  gongkai audit 文件或文件夹… [--prev 上一年度报告] [--published YYYY-MM-DD] [--json]
      读取并检查已发布的政府信息公开工作年度报告（HTML、DOCX、PDF、XLSX、TXT、Markdown）。
      退出码：0 未发现错误；1 发现错误；2 有文件无法读取。
  gongkai render 报告.json --to txt|html|docx|xlsx|pdf|json -o 输出文件
      把年报（交换 JSON 或任一可读取的年报文件）输出为指定格式。
  gongkai deadline --received YYYY-MM-DD [--supplement-requested D --supplement-received D] [--pause D..D]… [--extend] [--json]
      按条例计算依申请公开的答复期限（工作日含调休），并逐步说明。
  gongkai serve [--workers 进程数]
      启动网站（默认 http://localhost:3000，端口由 PORT 环境变量指定）。首次启动时创建示范机关和
      系统管理员 admin，并在控制台显示一次其初始密码。--workers N 在本机启动 N 个工作进程共用端口
      （仅 PostgreSQL）；详见 gongkai serve --help。
  gongkai db migrate | db backup 文件 | db restore 文件
      执行数据库迁移；备份或恢复 SQLite 数据库（PostgreSQL 请使用 pg_dump / pg_restore）。
  gongkai user create --username 用户名 --name 姓名 --agency 机关ID --role 角色 [--password 密码]
  gongkai user reset-password --username 用户名
      创建用户（不给密码时生成并显示一次）；重置密码。
  gongkai agency list [--json]
      列出机关（ID、名称、上级机关ID、统一社会信用代码）。
  gongkai report build --agency 机关ID --year 年度 [--json] [--to 格式 -o 输出文件]
      由登记数据生成机关某年度的年度报告（与后台相同：表二、表三、表四，正文，校验），
      --json 输出交换 JSON；有错误时退出码为 1。
  gongkai calendar import 文件.json
      录入一年的节假日安排（{ "year", "holidays", "workdays" }），并重新计算在办申请的答复期限。
  gongkai trail verify [--anchor 锚点文件]
      校验审计记录的哈希链、每条的 MAC、检查点和导出的锚点。退出码：0 完整；1 截断、缺号、篡改/重算或 MAC 不符。
  gongkai trail checkpoint --export 锚点文件
      把最新的签名检查点（条数、末条哈希、时间、MAC）写成 JSON，请保存在本机以外。
  gongkai site export 目录 [--agency 机关ID] [--watch] [--origin 网址]
      把公开网站写成静态文件供 nginx 直接提供（表单、检索、查询仍由应用处理）；只写入有变化的文件，
      --watch 持续更新有变化的机关。详见 gongkai site --help 与 docs/STATIC-EXPORT.md。
  gongkai demo province --agencies 机关数 [--years 2021-2025] [--seed 种子] [--force]
      生成示范省（省、市、县、乡镇各级政府及部门，每年的公开记录、依申请公开和已发布的年度报告），
      供演示和性能测试；详见 gongkai demo --help。

每个命令加 --help（或 -h）显示其详细用法，例如 gongkai audit --help。
数据位置：GONGKAI_DATABASE_URL（PostgreSQL），否则 GONGKAI_DATA_DIR（默认 ./data）下的 gongkai.sqlite。
`;

/** The process's real stdout/stderr. */
function processIo(): CommandIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progress: Boolean(process.stderr.isTTY),
  };
}

/** Runs the CLI with its arguments; returns the exit status. */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "deadline":
        return await (await import("./deadline-command.ts")).runDeadline(rest, io);
      case "audit":
        return await (await import("./audit-command.ts")).runAudit(rest, io);
      case "render":
        return await (await import("./render-command.ts")).runRender(rest, io);
      case "db":
        return await (await import("./db-command.ts")).runDb(rest, io);
      case "user":
        return await (await import("./user-command.ts")).runUser(rest, io);
      case "agency":
        return await (await import("./agency-command.ts")).runAgency(rest, io);
      case "calendar":
        return await (await import("./calendar-command.ts")).runCalendar(rest, io);
      case "report":
        return await (await import("./report-command.ts")).runReport(rest, io);
      case "trail":
        return await (await import("./trail-command.ts")).runTrail(rest, io);
      case "site":
        return await (await import("./site-command.ts")).runSite(rest, io);
      case "demo":
        return await (await import("./province-command.ts")).runDemo(rest, io);
      case "serve":
        return await (await import("./serve-command.ts")).runServe(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        io.err(`未知命令：${command}\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    const message = parseArgsMessage(e);
    if (message === undefined) throw e;
    io.err(`参数错误：${message}\n`);
    return 2;
  }
}
