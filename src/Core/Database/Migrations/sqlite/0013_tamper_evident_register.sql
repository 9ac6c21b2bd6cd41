-- 0013 tamper-evident register (SQLite): every register row version carries the audit event that wrote it, and the
-- event the count and Merkle root of those versions (ADR 0005); the public page's projection is kept when a body
-- publishes (ADR 0013, issue 17 F5). Rows written before this script have no event until `infraledger audit seal`.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

ALTER TABLE "audit_events" ADD COLUMN "row_count" INTEGER NULL;

ALTER TABLE "audit_events" ADD COLUMN "rows_digest" TEXT NULL;

ALTER TABLE "facilities" ADD COLUMN "audit_sequence" INTEGER NULL;

ALTER TABLE "fixed_assets" ADD COLUMN "audit_sequence" INTEGER NULL;

ALTER TABLE "register_versions" ADD COLUMN "audit_sequence" INTEGER NULL;

CREATE TABLE "published_projections" (
    "code" TEXT NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "base_year" INTEGER NOT NULL,
    "categories" TEXT NOT NULL,
    "computed_at_utc" TEXT NOT NULL,
    CONSTRAINT "pk_published_projections" PRIMARY KEY ("code", "fiscal_year"),
    CONSTRAINT "fk_published_projections_local_governments_code" FOREIGN KEY ("code") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);
