-- 0007 open data (SQLite): a tenant's consent to publish a dataset, with the licence it chose.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "open_datasets" (
    "tenant_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "published_at_utc" TEXT NOT NULL,
    "updated_at_utc" TEXT NOT NULL,
    CONSTRAINT "pk_open_datasets" PRIMARY KEY ("tenant_id", "kind"),
    CONSTRAINT "fk_open_datasets_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);
