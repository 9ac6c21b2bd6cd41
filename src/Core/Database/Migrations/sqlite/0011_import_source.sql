-- 0011 import source (SQLite): the file (and sheet) whose import last wrote a register row; null when the row was
-- entered or edited by hand. An import asks before it overwrites rows it did not write (ADR 0021).
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.
-- A row whose newest version was an import (「取込: file」) takes that file as its source; the others have none, and
-- the first import that would change them asks once.

ALTER TABLE "facilities" ADD COLUMN "import_source" TEXT NULL;

ALTER TABLE "fixed_assets" ADD COLUMN "import_source" TEXT NULL;

UPDATE "facilities" SET "import_source" = substr("change_reason", 5) WHERE "change_reason" LIKE '取込: %';

UPDATE "fixed_assets" SET "import_source" = substr("change_reason", 5) WHERE "change_reason" LIKE '取込: %';
