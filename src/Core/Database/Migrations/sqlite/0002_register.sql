-- 0002 the register (SQLite): facilities (施設台帳), fixed assets (固定資産台帳) and their versions (history, as-of reads).
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "facilities" (
    "tenant_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kana" TEXT NULL,
    "usage_major" TEXT NULL,
    "usage_minor" TEXT NULL,
    "kind" INTEGER NOT NULL,
    "address" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "quantity" REAL NULL,
    "quantity_kind" INTEGER NULL,
    "year_built" INTEGER NULL,
    "structure" TEXT NULL,
    "status" INTEGER NOT NULL,
    "section" TEXT NULL,
    "note" TEXT NULL,
    "is_sample" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "valid_from" TEXT NOT NULL,
    CONSTRAINT "pk_facilities" PRIMARY KEY ("tenant_id", "code"),
    CONSTRAINT "fk_facilities_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE TABLE "register_versions" (
    "tenant_id" TEXT NOT NULL,
    "entry_type" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "valid_from" TEXT NOT NULL,
    "recorded_at_utc" TEXT NOT NULL,
    "reason" TEXT NULL,
    "deleted" INTEGER NOT NULL,
    "data" TEXT NULL,
    CONSTRAINT "pk_register_versions" PRIMARY KEY ("tenant_id", "entry_type", "key", "version"),
    CONSTRAINT "fk_register_versions_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE TABLE "fixed_assets" (
    "tenant_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "facility_code" TEXT NULL,
    "name" TEXT NOT NULL,
    "asset_class" TEXT NULL,
    "account" TEXT NOT NULL,
    "acquisition_date" TEXT NULL,
    "service_start_date" TEXT NULL,
    "acquisition_cost" INTEGER NOT NULL,
    "useful_life" INTEGER NULL,
    "quantity" REAL NULL,
    "quantity_unit" TEXT NULL,
    "location" TEXT NULL,
    "usage" TEXT NULL,
    "business_category" TEXT NULL,
    "section" TEXT NULL,
    "opening_estimated" INTEGER NOT NULL,
    "disposal_date" TEXT NULL,
    "note" TEXT NULL,
    "is_sample" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "valid_from" TEXT NOT NULL,
    CONSTRAINT "pk_fixed_assets" PRIMARY KEY ("tenant_id", "number"),
    CONSTRAINT "fk_fixed_assets_facilities_tenant_id_facility_code" FOREIGN KEY ("tenant_id", "facility_code") REFERENCES "facilities" ("tenant_id", "code") ON DELETE RESTRICT,
    CONSTRAINT "fk_fixed_assets_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE INDEX "ix_facilities_tenant_id_kind" ON "facilities" ("tenant_id", "kind");

CREATE INDEX "ix_facilities_tenant_id_name" ON "facilities" ("tenant_id", "name");

CREATE INDEX "ix_facilities_tenant_id_usage_major" ON "facilities" ("tenant_id", "usage_major");

CREATE INDEX "ix_fixed_assets_tenant_id_account" ON "fixed_assets" ("tenant_id", "account");

CREATE INDEX "ix_fixed_assets_tenant_id_facility_code" ON "fixed_assets" ("tenant_id", "facility_code");

CREATE INDEX "ix_register_versions_tenant_id_valid_from" ON "register_versions" ("tenant_id", "valid_from");
