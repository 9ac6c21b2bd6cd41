-- 0018 search and list order (SQLite): the normalised search text of facilities, fixed assets, inspections and
-- residents' reports (Core/Search/SearchText), each indexed by an FTS5 table with the trigram tokenizer (bundled SQLite)
-- over the row's search_text (external content, by rowid), kept in step by triggers on every insert, update and
-- delete, whoever writes (EF, the bulk insert of imports); the natural sort keys of 施設コード and 資産番号
-- (Core/Register/NaturalOrder); an index (tenant_id, sort column, key) for each sort of the list pages.
-- The new columns of existing rows are filled by the application when it migrates (SearchIndex.BackfillAsync), which
-- the update triggers carry into the FTS tables.
-- The FTS tables and triggers are not in the EF model: MigrationTests leaves them out of the comparison.
-- Never edit once released: add a new numbered script.

ALTER TABLE "facilities" ADD COLUMN "search_text" TEXT;
ALTER TABLE "facilities" ADD COLUMN "code_order" TEXT;
ALTER TABLE "fixed_assets" ADD COLUMN "search_text" TEXT;
ALTER TABLE "fixed_assets" ADD COLUMN "number_order" TEXT;
ALTER TABLE "inspections" ADD COLUMN "search_text" TEXT;
ALTER TABLE "resident_reports" ADD COLUMN "search_text" TEXT;

DROP INDEX "ix_facilities_tenant_id_name";

CREATE INDEX "ix_facilities_tenant_id_code_order_code" ON "facilities" ("tenant_id", "code_order", "code");
CREATE INDEX "ix_facilities_tenant_id_name_code" ON "facilities" ("tenant_id", "name", "code");
CREATE INDEX "ix_facilities_tenant_id_quantity_code" ON "facilities" ("tenant_id", "quantity", "code");
CREATE INDEX "ix_facilities_tenant_id_year_built_code" ON "facilities" ("tenant_id", "year_built", "code");
CREATE INDEX "ix_fixed_assets_tenant_id_acquisition_cost_number" ON "fixed_assets" ("tenant_id", "acquisition_cost", "number");
CREATE INDEX "ix_fixed_assets_tenant_id_acquisition_date_number" ON "fixed_assets" ("tenant_id", "acquisition_date", "number");
CREATE INDEX "ix_fixed_assets_tenant_id_name_number" ON "fixed_assets" ("tenant_id", "name", "number");
CREATE INDEX "ix_fixed_assets_tenant_id_number_order_number" ON "fixed_assets" ("tenant_id", "number_order", "number");

CREATE VIRTUAL TABLE "facilities_search" USING fts5(search_text, content='facilities', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "facilities_search_insert" AFTER INSERT ON "facilities" BEGIN
    INSERT INTO "facilities_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER "facilities_search_delete" AFTER DELETE ON "facilities" BEGIN
    INSERT INTO "facilities_search" ("facilities_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER "facilities_search_update" AFTER UPDATE OF search_text ON "facilities" BEGIN
    INSERT INTO "facilities_search" ("facilities_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO "facilities_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE VIRTUAL TABLE "fixed_assets_search" USING fts5(search_text, content='fixed_assets', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "fixed_assets_search_insert" AFTER INSERT ON "fixed_assets" BEGIN
    INSERT INTO "fixed_assets_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER "fixed_assets_search_delete" AFTER DELETE ON "fixed_assets" BEGIN
    INSERT INTO "fixed_assets_search" ("fixed_assets_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER "fixed_assets_search_update" AFTER UPDATE OF search_text ON "fixed_assets" BEGIN
    INSERT INTO "fixed_assets_search" ("fixed_assets_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO "fixed_assets_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE VIRTUAL TABLE "inspections_search" USING fts5(search_text, content='inspections', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "inspections_search_insert" AFTER INSERT ON "inspections" BEGIN
    INSERT INTO "inspections_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER "inspections_search_delete" AFTER DELETE ON "inspections" BEGIN
    INSERT INTO "inspections_search" ("inspections_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER "inspections_search_update" AFTER UPDATE OF search_text ON "inspections" BEGIN
    INSERT INTO "inspections_search" ("inspections_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO "inspections_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE VIRTUAL TABLE "resident_reports_search" USING fts5(search_text, content='resident_reports', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "resident_reports_search_insert" AFTER INSERT ON "resident_reports" BEGIN
    INSERT INTO "resident_reports_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER "resident_reports_search_delete" AFTER DELETE ON "resident_reports" BEGIN
    INSERT INTO "resident_reports_search" ("resident_reports_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER "resident_reports_search_update" AFTER UPDATE OF search_text ON "resident_reports" BEGIN
    INSERT INTO "resident_reports_search" ("resident_reports_search", rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO "resident_reports_search" (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
