-- 0016 works plans (SQLite): plan runs of the works programme (個別施設計画), their inputs and results as JSON, 案 → 決定.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "works_plans" (
    "tenant_id" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "based_on" INTEGER NULL,
    "inputs" BLOB NOT NULL,
    "result" BLOB NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "decided_at_utc" TEXT NULL,
    CONSTRAINT "pk_works_plans" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "fk_works_plans_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE INDEX "ix_works_plans_tenant_id_status" ON "works_plans" ("tenant_id", "status");
