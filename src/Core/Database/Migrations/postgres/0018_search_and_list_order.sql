-- 0018 search and list order (PostgreSQL): the normalised search text of facilities, fixed assets, inspections and
-- residents' reports (Core/Search/SearchText), with a trigram GIN index per table that starts with tenant_id (pg_trgm and
-- btree_gin, both in the server package and trusted: a database owner may create them); the natural sort keys of
-- 施設コード and 資産番号 (Core/Register/NaturalOrder); an index (tenant_id, sort column, key) for each sort of the list pages.
-- The new columns of existing rows are filled by the application when it migrates (SearchIndex.BackfillAsync): the
-- normalisation is C#'s, in one place.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE facilities ADD COLUMN search_text text, ADD COLUMN code_order text;
ALTER TABLE fixed_assets ADD COLUMN search_text text, ADD COLUMN number_order text;
ALTER TABLE inspections ADD COLUMN search_text text;
ALTER TABLE resident_reports ADD COLUMN search_text text;

DROP INDEX ix_facilities_tenant_id_name;

CREATE INDEX ix_facilities_tenant_id_code_order_code ON facilities (tenant_id, code_order, code);
CREATE INDEX ix_facilities_tenant_id_name_code ON facilities (tenant_id, name, code);
CREATE INDEX ix_facilities_tenant_id_quantity_code ON facilities (tenant_id, quantity, code);
CREATE INDEX ix_facilities_tenant_id_year_built_code ON facilities (tenant_id, year_built, code);
CREATE INDEX ix_facilities_tenant_id_search_text ON facilities USING gin (tenant_id bpchar_ops, search_text gin_trgm_ops);

CREATE INDEX ix_fixed_assets_tenant_id_acquisition_cost_number ON fixed_assets (tenant_id, acquisition_cost, number);
CREATE INDEX ix_fixed_assets_tenant_id_acquisition_date_number ON fixed_assets (tenant_id, acquisition_date, number);
CREATE INDEX ix_fixed_assets_tenant_id_name_number ON fixed_assets (tenant_id, name, number);
CREATE INDEX ix_fixed_assets_tenant_id_number_order_number ON fixed_assets (tenant_id, number_order, number);
CREATE INDEX ix_fixed_assets_tenant_id_search_text ON fixed_assets USING gin (tenant_id bpchar_ops, search_text gin_trgm_ops);

CREATE INDEX ix_inspections_tenant_id_search_text ON inspections USING gin (tenant_id bpchar_ops, search_text gin_trgm_ops);
CREATE INDEX ix_resident_reports_tenant_id_search_text ON resident_reports USING gin (tenant_id bpchar_ops, search_text gin_trgm_ops);
