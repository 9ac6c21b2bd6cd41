-- 0025 catalogue summaries (SQLite, issue 23): the open-data catalogue gives each publisher its register's newest
-- change and its count of sample rows; with these indexes each is read from one index per publisher instead of a
-- grouping of every publisher's register (CrossTenant.RegisterSummariesOfPublishersAsync).
-- Never edit once released: add a new numbered script.

CREATE INDEX "ix_facilities_tenant_id_recorded_at_utc" ON "facilities" ("tenant_id", "recorded_at_utc");
CREATE INDEX "ix_facilities_tenant_id_sample" ON "facilities" ("tenant_id") WHERE is_sample;
CREATE INDEX "ix_fixed_assets_tenant_id_recorded_at_utc" ON "fixed_assets" ("tenant_id", "recorded_at_utc");
CREATE INDEX "ix_fixed_assets_tenant_id_sample" ON "fixed_assets" ("tenant_id") WHERE is_sample;
CREATE INDEX "ix_register_versions_tenant_id_recorded_at_utc" ON "register_versions" ("tenant_id", "recorded_at_utc");
