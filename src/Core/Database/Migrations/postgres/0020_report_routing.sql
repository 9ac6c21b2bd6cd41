-- 0020 report routing and publication (PostgreSQL), issue 22 items 3 and 6 (ADR 0028, ADR 0014):
-- published_at_utc: a new report is public only once staff publish it (as the form says); reports written before this
-- migration were public from the start, so they count as published when they were received.
-- forwarded_to_* / forwarded_from_*: a 管轄外 report handed to another tenant, linked both ways (no foreign key: the two
-- rows belong to two tenants). The routes by kind of report are a tenant setting (report-routes), not a table.
-- Never edit once released: add a new numbered script.

ALTER TABLE resident_reports
    ADD COLUMN published_at_utc timestamp with time zone,
    ADD COLUMN forwarded_to_tenant_id character varying(6),
    ADD COLUMN forwarded_to_report_id bigint,
    ADD COLUMN forwarded_from_tenant_id character varying(6),
    ADD COLUMN forwarded_from_report_id bigint;

UPDATE resident_reports SET published_at_utc = requested_at_utc;

CREATE INDEX ix_resident_reports_tenant_id_forwarded_from
    ON resident_reports (tenant_id, forwarded_from_tenant_id, forwarded_from_report_id);
