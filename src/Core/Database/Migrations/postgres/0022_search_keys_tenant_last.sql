-- 0022 search keys, tenant last (PostgreSQL, ADR 0034): the trigram GIN index of each searchable table becomes
-- (search_text gin_trgm_ops, tenant_id bpchar_ops) instead of (tenant_id, search_text). GIN intersects its scan keys in
-- the order of the index's columns: with tenant_id first, a large tenant's key (every one of its rows) was read at every
-- row a trigram key proposed; last, it is read only at the rows all the trigram keys agree on. A small tenant's key still
-- leaps the scan to that tenant's rows. Same rows found; only the order of reading changes.
-- Never edit once released: add a new numbered script.

DROP INDEX ix_facilities_tenant_id_search_text;
DROP INDEX ix_fixed_assets_tenant_id_search_text;
DROP INDEX ix_inspections_tenant_id_search_text;
DROP INDEX ix_resident_reports_tenant_id_search_text;

CREATE INDEX ix_facilities_search_text_tenant_id ON facilities USING gin (search_text gin_trgm_ops, tenant_id bpchar_ops);
CREATE INDEX ix_fixed_assets_search_text_tenant_id ON fixed_assets USING gin (search_text gin_trgm_ops, tenant_id bpchar_ops);
CREATE INDEX ix_inspections_search_text_tenant_id ON inspections USING gin (search_text gin_trgm_ops, tenant_id bpchar_ops);
CREATE INDEX ix_resident_reports_search_text_tenant_id ON resident_reports USING gin (search_text gin_trgm_ops, tenant_id bpchar_ops);
