-- 0025 catalogue summaries (PostgreSQL, issue 23): the open-data catalogue (CKAN package_search, DCAT) gives each
-- publisher its register's newest change and its count of sample rows. Grouping every publisher's whole register took
-- seconds at national scale; with these indexes each publisher's newest change is the last entry of one index and its
-- sample count a count over a partial index that holds only sample rows (CrossTenant.RegisterSummariesOfPublishersAsync).
-- Never edit once released: add a new numbered script.

CREATE INDEX ix_facilities_tenant_id_recorded_at_utc ON facilities (tenant_id, recorded_at_utc);
CREATE INDEX ix_facilities_tenant_id_sample ON facilities (tenant_id) WHERE is_sample;
CREATE INDEX ix_fixed_assets_tenant_id_recorded_at_utc ON fixed_assets (tenant_id, recorded_at_utc);
CREATE INDEX ix_fixed_assets_tenant_id_sample ON fixed_assets (tenant_id) WHERE is_sample;
CREATE INDEX ix_register_versions_tenant_id_recorded_at_utc ON register_versions (tenant_id, recorded_at_utc);
