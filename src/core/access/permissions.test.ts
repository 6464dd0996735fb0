import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  agenciesWhere,
  ancestorsOf,
  can,
  ROLE_KEYS,
  type RoleAssignment,
} from "./permissions.ts";

// A government (1) with two departments (2 公安局, 3 财政局), and a second, unrelated government (4).
const TREE = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: null },
];
const PARENT = new Map(TREE.map((a) => [a.id, a.parentId]));
const allowedIn = (assignments: RoleAssignment[], action: Action) => agenciesWhere(assignments, action, TREE);

describe("permissions", () => {
  it("a role reaches its own agency only; admin and supervisor reach the subtree, never another tree", () => {
    for (const role of ROLE_KEYS) {
      for (const action of Object.keys(ACTIONS) as Action[]) {
        const granted = (ACTIONS[action] as readonly string[]).includes(role);
        const atGovernment = allowedIn([{ agencyId: 1, role }], action);
        const atDepartment = allowedIn([{ agencyId: 2, role }], action);
        if (!granted) {
          expect(atGovernment, `${role} ${action}`).toEqual([]);
          expect(atDepartment, `${role} ${action}`).toEqual([]);
        } else if (role === "system_admin" || role === "supervisor") {
          expect(atGovernment, `${role} ${action}`).toEqual([1, 2, 3]);
          expect(atDepartment, `${role} ${action}`).toEqual([2]);
        } else {
          expect(atGovernment, `${role} ${action}`).toEqual([1]);
          expect(atDepartment, `${role} ${action}`).toEqual([2]);
        }
      }
    }
  });

  it("a supervisor reads but never changes", () => {
    const supervisor: RoleAssignment[] = [{ agencyId: 1, role: "supervisor" }];
    expect(can(supervisor, "trail.view", 2, [1])).toBe(true);
    expect(can(supervisor, "agency.update", 2, [1])).toBe(false);
    expect(can(supervisor, "user.manage", 2, [1])).toBe(false);
  });

  it("a case officer of one department sees nothing of its sibling", () => {
    expect(can([{ agencyId: 2, role: "case_officer" }], "agency.view", 3, [1])).toBe(false);
  });

  it("ancestorsOf lists nearest first and survives a cycle", () => {
    expect(ancestorsOf(2, PARENT)).toEqual([1]);
    expect(
      ancestorsOf(
        1,
        new Map([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toEqual([2, 1]);
  });
});
