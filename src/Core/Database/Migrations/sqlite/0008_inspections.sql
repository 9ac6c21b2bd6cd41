-- 0008 inspections (SQLite): inspection records (判定区分), maintenance works and deterioration models per tenant and asset kind.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "deterioration_models" (
    "tenant_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "scheme" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "group_id" INTEGER NULL,
    "parameters" TEXT NOT NULL,
    "fitted_at_utc" TEXT NOT NULL,
    CONSTRAINT "pk_deterioration_models" PRIMARY KEY ("tenant_id", "kind"),
    CONSTRAINT "fk_deterioration_models_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE TABLE "inspections" (
    "tenant_id" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "facility_code" TEXT NOT NULL,
    "member" TEXT NOT NULL,
    "inspected_on" TEXT NOT NULL,
    "inspector" TEXT NULL,
    "scheme" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "countermeasure" TEXT NULL,
    "findings" TEXT NULL,
    "photos" TEXT NULL,
    "is_sample" INTEGER NOT NULL,
    CONSTRAINT "pk_inspections" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "fk_inspections_facilities_tenant_id_facility_code" FOREIGN KEY ("tenant_id", "facility_code") REFERENCES "facilities" ("tenant_id", "code") ON DELETE RESTRICT,
    CONSTRAINT "fk_inspections_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE TABLE "maintenance_works" (
    "tenant_id" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "facility_code" TEXT NOT NULL,
    "member" TEXT NOT NULL,
    "completed_on" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "grade_after" INTEGER NULL,
    "cost" INTEGER NULL,
    "is_sample" INTEGER NOT NULL,
    CONSTRAINT "pk_maintenance_works" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "fk_maintenance_works_facilities_tenant_id_facility_code" FOREIGN KEY ("tenant_id", "facility_code") REFERENCES "facilities" ("tenant_id", "code") ON DELETE RESTRICT,
    CONSTRAINT "fk_maintenance_works_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE INDEX "ix_inspections_tenant_id_facility_code_inspected_on" ON "inspections" ("tenant_id", "facility_code", "inspected_on");

CREATE INDEX "ix_maintenance_works_tenant_id_facility_code_completed_on" ON "maintenance_works" ("tenant_id", "facility_code", "completed_on");

