/**
 * The 先审后发 log of a generated catalog item: submission, 保密审查, 审核, 审签 and publication, each step
 * decided by the publication machine (src/core/publication) for four different people of the office (SOD-1).
 */
import {
  type LoggedDecision,
  type PublicationCommand,
  type PublicationStatus,
  transition,
} from "../core/publication/publication-machine.ts";

/** One step of the log. */
export interface PublishStep {
  readonly type: PublicationCommand["type"];
  readonly from: PublicationStatus;
  readonly to: PublicationStatus;
  readonly step: string | null;
  readonly opinion: string;
  readonly actorName: string;
  readonly actorRole: string;
}

/** The steps, as the machine gives them (the publication day is set per item). */
function publishSteps(): PublishStep[] {
  const commands: readonly [PublicationCommand, string, string][] = [
    [{ type: "submit" }, "信息员", "information_officer"],
    [{ type: "approve", opinion: "经审查不涉密" }, "保密审查员", "secrecy_reviewer"],
    [{ type: "approve", opinion: "内容准确，同意" }, "审核人", "reviewer"],
    [{ type: "approve", opinion: "同意发布" }, "公开办负责人", "office_head"],
    [{ type: "publish", publishedOn: "2000-01-01" }, "公开办负责人", "office_head"],
  ];
  const steps: PublishStep[] = [];
  const log: LoggedDecision[] = [];
  let status: PublicationStatus = "draft";
  for (const [command, actorName, actorRole] of commands) {
    const actor = { userId: null, name: actorName };
    const { status: next, event } = transition(status, log, command, { actor, separate: true });
    log.push({ type: event.type, step: event.step, actor });
    steps.push({
      type: event.type,
      from: event.from,
      to: event.to,
      step: event.step,
      opinion: event.opinion,
      actorName,
      actorRole,
    });
    status = next;
  }
  return steps;
}

/** The five steps from draft to published. */
export const PUBLISH_STEPS: readonly PublishStep[] = publishSteps();
