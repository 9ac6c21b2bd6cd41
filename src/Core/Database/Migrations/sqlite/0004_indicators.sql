-- 0004 indicators (SQLite): published statistics with their sources, 類似団体区分, tenants' populations.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "statistics_sources" (
    "id" TEXT NOT NULL CONSTRAINT "pk_statistics_sources" PRIMARY KEY,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "url" TEXT NULL,
    "note" TEXT NULL,
    "sha256" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "loaded_at_utc" TEXT NOT NULL
);

CREATE TABLE "public_indicator_values" (
    "code" TEXT NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "text" TEXT NULL,
    "prefecture_name" TEXT NOT NULL,
    "body_name" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    CONSTRAINT "pk_public_indicator_values" PRIMARY KEY ("code", "fiscal_year", "indicator"),
    CONSTRAINT "fk_public_indicator_values_statistics_sources_source_id" FOREIGN KEY ("source_id") REFERENCES "statistics_sources" ("id") ON DELETE RESTRICT
);

CREATE TABLE "similar_groups" (
    "code" TEXT NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "group" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    CONSTRAINT "pk_similar_groups" PRIMARY KEY ("code", "fiscal_year"),
    CONSTRAINT "fk_similar_groups_statistics_sources_source_id" FOREIGN KEY ("source_id") REFERENCES "statistics_sources" ("id") ON DELETE RESTRICT
);

CREATE TABLE "populations" (
    "tenant_id" TEXT NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "as_of" TEXT NULL,
    "source" TEXT NOT NULL,
    "secondary_industry_share" TEXT NULL,
    "tertiary_industry_share" TEXT NULL,
    "is_sample" INTEGER NOT NULL,
    CONSTRAINT "pk_populations" PRIMARY KEY ("tenant_id", "fiscal_year"),
    CONSTRAINT "fk_populations_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE INDEX "ix_public_indicator_values_indicator_fiscal_year" ON "public_indicator_values" ("indicator", "fiscal_year");

CREATE INDEX "ix_public_indicator_values_source_id" ON "public_indicator_values" ("source_id");

CREATE INDEX "ix_similar_groups_fiscal_year_group" ON "similar_groups" ("fiscal_year", "group");

CREATE INDEX "ix_similar_groups_source_id" ON "similar_groups" ("source_id");
