-- 0021 reporters hear back (PostgreSQL): the reporter's link secret and form language on each report (issue 22 item 4:
-- mails of status changes, 「直りましたか？」 answered only from the report's link), and the staff's response templates
-- per kind of report (item 5). Written from `infraledger db model-script --provider postgres`; never edit once released.
-- Reports sent before this migration have no link secret: nobody can answer for them, staff still can reopen them.

ALTER TABLE resident_reports ADD reporter_key character varying(32);

ALTER TABLE resident_reports ADD language character varying(5);

CREATE TABLE report_response_templates (
    tenant_id character(6) NOT NULL,
    id integer NOT NULL,
    service_code character varying(50),
    title character varying(100) NOT NULL,
    text character varying(4000) NOT NULL,
    changed_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_report_response_templates PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_report_response_templates_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT,
    CONSTRAINT fk_report_response_templates_report_services FOREIGN KEY (tenant_id, service_code) REFERENCES report_services (tenant_id, code) ON DELETE RESTRICT
);

CREATE INDEX ix_report_response_templates_tenant_id_service_code ON report_response_templates (tenant_id, service_code);
