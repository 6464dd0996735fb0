/** The two supported database engines: a leaf module, so the migrations need not import database.ts back. */
export type Dialect = "sqlite" | "postgres";
