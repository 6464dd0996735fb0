/**
 * TypeBox schemas of the request API (docs/REQUESTS.md, "API contract"): the intake body, the body of each
 * action, and the worklist query. Unknown fields are refused (additionalProperties: false).
 */
import { type TObject, Type } from "@sinclair/typebox";
import { DateText, Id } from "../contract/common.contract.ts";
import { CHANNELS, FEE_METHODS, REQUEST_STATUSES } from "../core/request/request-events.ts";
import type { RequestAction } from "../core/request/request-machine.ts";

const closed = { additionalProperties: false } as const;
const text = (maxLength: number) => Type.String({ maxLength });
const required = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** Body of POST /api/requests. */
export const IntakeBody = Type.Object(
  {
    agencyId: Id,
    channel: Type.Union(CHANNELS.map((c) => Type.Literal(c))),
    receivedOn: DateText,
    applicant: Type.Object(
      {
        kind: required(30),
        name: required(100),
        orgCreditCode: Type.Optional(text(40)),
        orgRepresentative: Type.Optional(text(50)),
        idType: Type.Optional(text(40)),
        idNumber: Type.Optional(text(40)),
        phone: Type.Optional(text(40)),
        address: Type.Optional(text(200)),
        postcode: Type.Optional(text(10)),
        email: Type.Optional(text(200)),
      },
      closed,
    ),
    description: required(2000),
    provisionForm: required(20),
    deliveryMethod: required(20),
    onTheSpot: Type.Optional(Type.Object({ outcome: required(10) }, closed)),
  },
  closed,
);

/** The body of each action. */
export const ACTION_BODIES: Readonly<Record<RequestAction, TObject>> = {
  confirm: Type.Object({ date: DateText }, closed),
  assign: Type.Object({ caseOfficerId: Id }, closed),
  request_supplement: Type.Object({ date: DateText, supplementBy: DateText, items: required(2000) }, closed),
  receive_supplement: Type.Object({ date: DateText, lateReason: Type.Optional(text(500)) }, closed),
  supplement_expired: Type.Object({ date: DateText }, closed),
  consult: Type.Object(
    {
      date: DateText,
      party: Type.Union([Type.Literal("third-party"), Type.Literal("agency")]),
      consultee: required(200),
    },
    closed,
  ),
  consultation_answered: Type.Object({ date: DateText, consultationId: required(20) }, closed),
  propose_extension: Type.Object({ workdays: Type.Integer(), reason: text(1000) }, closed),
  approve_extension: Type.Object({ approvedOn: DateText, notifiedOn: DateText }, closed),
  delay: Type.Object({ date: DateText, replyBy: DateText, reason: text(1000) }, closed),
  notify_fee: Type.Object(
    {
      date: DateText,
      method: Type.Union(FEE_METHODS.map((m) => Type.Literal(m))),
      quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    },
    closed,
  ),
  fee_paid: Type.Object({ date: DateText }, closed),
  fee_expired: Type.Object({ date: DateText }, closed),
  close: Type.Object(
    {
      date: DateText,
      outcome: required(10),
      reason: text(4000),
      responsibleAgency: Type.Optional(text(200)),
    },
    closed,
  ),
  withdraw: Type.Object({ date: DateText, reason: text(1000) }, closed),
};

/** Query of GET /api/requests. */
export const WorklistQueryString = Type.Object(
  {
    agencyId: Type.Optional(Id),
    status: Type.Optional(Type.Union(REQUEST_STATUSES.map((s) => Type.Literal(s)))),
    risk: Type.Optional(Type.Union([Type.Literal("overdue"), Type.Literal("due_soon")])),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    officer: Type.Optional(Type.Literal("me")),
    table: Type.Optional(Type.String({ pattern: "^\\d{4}:[A-Za-z.]+:[0-6]$" })),
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  closed,
);

/** Query naming an agency and a year (table 三, dashboard, ledger export). */
export const AgencyYearQuery = Type.Object(
  { agencyId: Id, year: Type.Integer({ minimum: 1900, maximum: 2200 }) },
  closed,
);

/** Path of one case. */
export const CaseParams = Type.Object({ id: Id });
