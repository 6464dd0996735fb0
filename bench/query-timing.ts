/**
 * Where a benchmark's database time goes: a Kysely plugin that times every query from compilation to its
 * result and adds the time up under the query's first table (for raw SQL, the first name after `from`).
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";

/** Total milliseconds and query count per table. */
export type QueryTimes = Map<string, { ms: number; queries: number }>;

/** The first table a query reads or writes, as far as its operation node tells. */
function tableOf(node: RootOperationNode): string {
  const text = JSON.stringify(node);
  if (node.kind === "RawNode") {
    return /from\s+"?(\w+)/i.exec(node.sqlFragments.join("?"))?.[1] ?? "raw";
  }
  return /"kind":"IdentifierNode","name":"(\w+)"/.exec(text)?.[1] ?? node.kind;
}

/** A plugin adding each query's time to `times` while `active()` says so. */
export function queryTimingPlugin(times: QueryTimes, active: () => boolean): KyselyPlugin {
  const started = new WeakMap<object, { table: string; at: bigint }>();
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (active()) started.set(args.queryId, { table: tableOf(args.node), at: process.hrtime.bigint() });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const start = started.get(args.queryId);
      if (start) {
        const entry = times.get(start.table) ?? { ms: 0, queries: 0 };
        entry.ms += Number(process.hrtime.bigint() - start.at) / 1e6;
        entry.queries += 1;
        times.set(start.table, entry);
      }
      return args.result;
    },
  };
}
