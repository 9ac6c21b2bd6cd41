-- 0009 reports (PostgreSQL): residents' damage reports (Open311 services, requests, their history and photos).
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE report_services (
    tenant_id character(6) NOT NULL,
    code character varying(50) NOT NULL,
    name character varying(100) NOT NULL,
    description character varying(1000),
    "group" character varying(50),
    keywords character varying(300),
    section character varying(100) NOT NULL,
    notice character varying(1000),
    expected_days integer,
    duplicate_radius_metres integer NOT NULL,
    batch boolean NOT NULL,
    is_active boolean NOT NULL,
    "order" integer NOT NULL,
    attributes_json character varying(20000) NOT NULL,
    changed_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_report_services PRIMARY KEY (tenant_id, code),
    CONSTRAINT fk_report_services_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE TABLE resident_reports (
    tenant_id character(6) NOT NULL,
    id bigint NOT NULL,
    token character varying(32) NOT NULL,
    service_code character varying(50) NOT NULL,
    status integer NOT NULL,
    status_notes character varying(4000),
    description character varying(4000),
    latitude double precision,
    longitude double precision,
    address character varying(300),
    address_id character varying(100),
    zipcode character varying(10),
    attributes_json character varying(20000) NOT NULL,
    media_urls character varying(10000),
    email character varying(254),
    phone character varying(30),
    first_name character varying(100),
    last_name character varying(100),
    device_id character varying(100),
    account_id character varying(100),
    channel character varying(20) NOT NULL,
    section character varying(100) NOT NULL,
    requested_at_utc timestamp with time zone NOT NULL,
    updated_at_utc timestamp with time zone NOT NULL,
    expected_at_utc timestamp with time zone,
    responded_at_utc timestamp with time zone,
    closed_at_utc timestamp with time zone,
    duplicate_of_id bigint,
    facility_code character varying(50),
    is_hidden boolean NOT NULL,
    is_sample boolean NOT NULL,
    CONSTRAINT pk_resident_reports PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_resident_reports_facilities_tenant_id_facility_code FOREIGN KEY (tenant_id, facility_code) REFERENCES facilities (tenant_id, code) ON DELETE RESTRICT,
    CONSTRAINT fk_resident_reports_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT,
    CONSTRAINT fk_resident_reports_report_services_tenant_id_service_code FOREIGN KEY (tenant_id, service_code) REFERENCES report_services (tenant_id, code) ON DELETE RESTRICT
);

CREATE TABLE report_notes (
    tenant_id character(6) NOT NULL,
    report_id bigint NOT NULL,
    number integer NOT NULL,
    at_utc timestamp with time zone NOT NULL,
    type character varying(20) NOT NULL,
    status integer NOT NULL,
    text character varying(4000),
    is_public boolean NOT NULL,
    author character varying(200) NOT NULL,
    CONSTRAINT pk_report_notes PRIMARY KEY (tenant_id, report_id, number),
    CONSTRAINT fk_report_notes_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT,
    CONSTRAINT fk_report_notes_resident_reports_tenant_id_report_id FOREIGN KEY (tenant_id, report_id) REFERENCES resident_reports (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE report_photos (
    tenant_id character(6) NOT NULL,
    report_id bigint NOT NULL,
    number integer NOT NULL,
    content_type character varying(30) NOT NULL,
    content bytea NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    is_hidden boolean NOT NULL,
    CONSTRAINT pk_report_photos PRIMARY KEY (tenant_id, report_id, number),
    CONSTRAINT fk_report_photos_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT,
    CONSTRAINT fk_report_photos_resident_reports_tenant_id_report_id FOREIGN KEY (tenant_id, report_id) REFERENCES resident_reports (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_report_notes_tenant_id_at_utc ON report_notes (tenant_id, at_utc);

CREATE INDEX ix_resident_reports_tenant_id_facility_code ON resident_reports (tenant_id, facility_code);

CREATE INDEX ix_resident_reports_tenant_id_requested_at_utc ON resident_reports (tenant_id, requested_at_utc);

CREATE INDEX ix_resident_reports_tenant_id_section_status ON resident_reports (tenant_id, section, status);

CREATE INDEX ix_resident_reports_tenant_id_service_code ON resident_reports (tenant_id, service_code);

CREATE UNIQUE INDEX ix_resident_reports_tenant_id_token ON resident_reports (tenant_id, token);

CREATE INDEX ix_resident_reports_tenant_id_updated_at_utc ON resident_reports (tenant_id, updated_at_utc);
