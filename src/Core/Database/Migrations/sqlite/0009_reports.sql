-- 0009 reports (SQLite): residents' damage reports (Open311 services, requests, their history and photos).
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "report_services" (
    "tenant_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "group" TEXT NULL,
    "keywords" TEXT NULL,
    "section" TEXT NOT NULL,
    "notice" TEXT NULL,
    "expected_days" INTEGER NULL,
    "duplicate_radius_metres" INTEGER NOT NULL,
    "batch" INTEGER NOT NULL,
    "is_active" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "attributes_json" TEXT NOT NULL,
    "changed_at_utc" TEXT NOT NULL,
    CONSTRAINT "pk_report_services" PRIMARY KEY ("tenant_id", "code"),
    CONSTRAINT "fk_report_services_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE TABLE "resident_reports" (
    "tenant_id" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "service_code" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "status_notes" TEXT NULL,
    "description" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "address" TEXT NULL,
    "address_id" TEXT NULL,
    "zipcode" TEXT NULL,
    "attributes_json" TEXT NOT NULL,
    "media_urls" TEXT NULL,
    "email" TEXT NULL,
    "phone" TEXT NULL,
    "first_name" TEXT NULL,
    "last_name" TEXT NULL,
    "device_id" TEXT NULL,
    "account_id" TEXT NULL,
    "channel" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "requested_at_utc" TEXT NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    "expected_at_utc" TEXT NULL,
    "responded_at_utc" TEXT NULL,
    "closed_at_utc" TEXT NULL,
    "duplicate_of_id" INTEGER NULL,
    "facility_code" TEXT NULL,
    "is_hidden" INTEGER NOT NULL,
    "is_sample" INTEGER NOT NULL,
    CONSTRAINT "pk_resident_reports" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "fk_resident_reports_facilities_tenant_id_facility_code" FOREIGN KEY ("tenant_id", "facility_code") REFERENCES "facilities" ("tenant_id", "code") ON DELETE RESTRICT,
    CONSTRAINT "fk_resident_reports_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_resident_reports_report_services_tenant_id_service_code" FOREIGN KEY ("tenant_id", "service_code") REFERENCES "report_services" ("tenant_id", "code") ON DELETE RESTRICT
);

CREATE TABLE "report_notes" (
    "tenant_id" TEXT NOT NULL,
    "report_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "at_utc" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "text" TEXT NULL,
    "is_public" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    CONSTRAINT "pk_report_notes" PRIMARY KEY ("tenant_id", "report_id", "number"),
    CONSTRAINT "fk_report_notes_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_report_notes_resident_reports_tenant_id_report_id" FOREIGN KEY ("tenant_id", "report_id") REFERENCES "resident_reports" ("tenant_id", "id") ON DELETE CASCADE
);

CREATE TABLE "report_photos" (
    "tenant_id" TEXT NOT NULL,
    "report_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "is_hidden" INTEGER NOT NULL,
    CONSTRAINT "pk_report_photos" PRIMARY KEY ("tenant_id", "report_id", "number"),
    CONSTRAINT "fk_report_photos_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_report_photos_resident_reports_tenant_id_report_id" FOREIGN KEY ("tenant_id", "report_id") REFERENCES "resident_reports" ("tenant_id", "id") ON DELETE CASCADE
);

CREATE INDEX "ix_report_notes_tenant_id_at_utc" ON "report_notes" ("tenant_id", "at_utc");

CREATE INDEX "ix_resident_reports_tenant_id_facility_code" ON "resident_reports" ("tenant_id", "facility_code");

CREATE INDEX "ix_resident_reports_tenant_id_requested_at_utc" ON "resident_reports" ("tenant_id", "requested_at_utc");

CREATE INDEX "ix_resident_reports_tenant_id_section_status" ON "resident_reports" ("tenant_id", "section", "status");

CREATE INDEX "ix_resident_reports_tenant_id_service_code" ON "resident_reports" ("tenant_id", "service_code");

CREATE UNIQUE INDEX "ix_resident_reports_tenant_id_token" ON "resident_reports" ("tenant_id", "token");

CREATE INDEX "ix_resident_reports_tenant_id_updated_at_utc" ON "resident_reports" ("tenant_id", "updated_at_utc");
