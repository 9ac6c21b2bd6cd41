-- 0010 inspection photos (SQLite): the photos of an inspection, rewritten without EXIF position and camera data; deleted with it.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "inspection_photos" (
    "tenant_id" TEXT NOT NULL,
    "inspection_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "caption" TEXT NULL,
    CONSTRAINT "pk_inspection_photos" PRIMARY KEY ("tenant_id", "inspection_id", "number"),
    CONSTRAINT "fk_inspection_photos_inspections_tenant_id_inspection_id" FOREIGN KEY ("tenant_id", "inspection_id") REFERENCES "inspections" ("tenant_id", "id") ON DELETE CASCADE,
    CONSTRAINT "fk_inspection_photos_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);
