-- 0006 register history (PostgreSQL): the row in the register is the newest version of its entry (ADR 0010).
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

ALTER TABLE facilities ADD COLUMN change_reason character varying(300);

ALTER TABLE facilities ADD COLUMN recorded_at_utc timestamp with time zone NOT NULL DEFAULT now();

ALTER TABLE facilities ALTER COLUMN recorded_at_utc DROP DEFAULT;

ALTER TABLE fixed_assets ADD COLUMN change_reason character varying(300);

ALTER TABLE fixed_assets ADD COLUMN recorded_at_utc timestamp with time zone NOT NULL DEFAULT now();

ALTER TABLE fixed_assets ALTER COLUMN recorded_at_utc DROP DEFAULT;

-- Each current row takes the reason and time of its version row, which is then no longer kept twice.
UPDATE facilities f SET change_reason = v.reason, recorded_at_utc = v.recorded_at_utc
  FROM register_versions v
 WHERE v.tenant_id = f.tenant_id AND v.entry_type = 1 AND v.key = f.code AND v.version = f.version;

DELETE FROM register_versions v USING facilities f
 WHERE v.tenant_id = f.tenant_id AND v.entry_type = 1 AND v.key = f.code AND v.version = f.version;

UPDATE fixed_assets a SET change_reason = v.reason, recorded_at_utc = v.recorded_at_utc
  FROM register_versions v
 WHERE v.tenant_id = a.tenant_id AND v.entry_type = 2 AND v.key = a.number AND v.version = a.version;

DELETE FROM register_versions v USING fixed_assets a
 WHERE v.tenant_id = a.tenant_id AND v.entry_type = 2 AND v.key = a.number AND v.version = a.version;
