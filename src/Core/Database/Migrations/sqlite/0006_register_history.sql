-- 0006 register history (SQLite): the row in the register is the newest version of its entry (ADR 0010).
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.
-- SQLite adds a NOT NULL column only with a constant default; every row gets its real time below.

ALTER TABLE "facilities" ADD COLUMN "change_reason" TEXT NULL;

ALTER TABLE "facilities" ADD COLUMN "recorded_at_utc" TEXT NOT NULL DEFAULT '0001-01-01 00:00:00';

ALTER TABLE "fixed_assets" ADD COLUMN "change_reason" TEXT NULL;

ALTER TABLE "fixed_assets" ADD COLUMN "recorded_at_utc" TEXT NOT NULL DEFAULT '0001-01-01 00:00:00';

-- Each current row takes the reason and time of its version row, which is then no longer kept twice.
UPDATE "facilities" SET ("change_reason", "recorded_at_utc") = (
    SELECT v."reason", v."recorded_at_utc" FROM "register_versions" v
     WHERE v."tenant_id" = "facilities"."tenant_id" AND v."entry_type" = 1 AND v."key" = "facilities"."code" AND v."version" = "facilities"."version")
 WHERE EXISTS (SELECT 1 FROM "register_versions" v
     WHERE v."tenant_id" = "facilities"."tenant_id" AND v."entry_type" = 1 AND v."key" = "facilities"."code" AND v."version" = "facilities"."version");

DELETE FROM "register_versions"
 WHERE "entry_type" = 1 AND EXISTS (SELECT 1 FROM "facilities" f
     WHERE f."tenant_id" = "register_versions"."tenant_id" AND f."code" = "register_versions"."key" AND f."version" = "register_versions"."version");

UPDATE "fixed_assets" SET ("change_reason", "recorded_at_utc") = (
    SELECT v."reason", v."recorded_at_utc" FROM "register_versions" v
     WHERE v."tenant_id" = "fixed_assets"."tenant_id" AND v."entry_type" = 2 AND v."key" = "fixed_assets"."number" AND v."version" = "fixed_assets"."version")
 WHERE EXISTS (SELECT 1 FROM "register_versions" v
     WHERE v."tenant_id" = "fixed_assets"."tenant_id" AND v."entry_type" = 2 AND v."key" = "fixed_assets"."number" AND v."version" = "fixed_assets"."version");

DELETE FROM "register_versions"
 WHERE "entry_type" = 2 AND EXISTS (SELECT 1 FROM "fixed_assets" a
     WHERE a."tenant_id" = "register_versions"."tenant_id" AND a."number" = "register_versions"."key" AND a."version" = "register_versions"."version");
