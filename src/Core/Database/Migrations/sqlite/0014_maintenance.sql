-- 0014 maintenance (SQLite): each tenant's treatment library and maintenance policies per asset kind (a copy of a preset, versioned).
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "maintenance_libraries" (
    "tenant_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "preset_id" TEXT NOT NULL,
    "preset_version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    CONSTRAINT "pk_maintenance_libraries" PRIMARY KEY ("tenant_id", "kind"),
    CONSTRAINT "fk_maintenance_libraries_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);
