-- 0005 projection (SQLite): 幅員 and 口径 of facilities, tenants' projection scenarios and recent investment.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

ALTER TABLE "facilities" ADD COLUMN "width" REAL NULL;

ALTER TABLE "facilities" ADD COLUMN "diameter" INTEGER NULL;

CREATE TABLE "projection_scenarios" (
    "tenant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "preset_id" TEXT NOT NULL,
    "preset_version" INTEGER NOT NULL,
    "parameters" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    CONSTRAINT "pk_projection_scenarios" PRIMARY KEY ("tenant_id", "name"),
    CONSTRAINT "fk_projection_scenarios_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE TABLE "recent_investments" (
    "tenant_id" TEXT NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "renewal" INTEGER NOT NULL,
    "new_build" INTEGER NOT NULL,
    "land" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "is_sample" INTEGER NOT NULL,
    CONSTRAINT "pk_recent_investments" PRIMARY KEY ("tenant_id", "fiscal_year"),
    CONSTRAINT "fk_recent_investments_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);
