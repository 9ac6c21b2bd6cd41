-- 0008 inspections (PostgreSQL): inspection records (判定区分), maintenance works and deterioration models per tenant and asset kind.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE deterioration_models (
    tenant_id character(6) NOT NULL,
    kind integer NOT NULL,
    scheme character varying(32) NOT NULL,
    source character varying(300) NOT NULL,
    group_id bigint,
    parameters text NOT NULL,
    fitted_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_deterioration_models PRIMARY KEY (tenant_id, kind),
    CONSTRAINT fk_deterioration_models_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE TABLE inspections (
    tenant_id character(6) NOT NULL,
    id bigint NOT NULL,
    facility_code character varying(50) NOT NULL,
    member character varying(100) NOT NULL,
    inspected_on date NOT NULL,
    inspector character varying(100),
    scheme character varying(32) NOT NULL,
    grade integer NOT NULL,
    countermeasure character varying(4),
    findings character varying(4000),
    photos character varying(4000),
    is_sample boolean NOT NULL,
    CONSTRAINT pk_inspections PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_inspections_facilities_tenant_id_facility_code FOREIGN KEY (tenant_id, facility_code) REFERENCES facilities (tenant_id, code) ON DELETE RESTRICT,
    CONSTRAINT fk_inspections_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE TABLE maintenance_works (
    tenant_id character(6) NOT NULL,
    id bigint NOT NULL,
    facility_code character varying(50) NOT NULL,
    member character varying(100) NOT NULL,
    completed_on date NOT NULL,
    description character varying(1000) NOT NULL,
    grade_after integer,
    cost numeric(18,0),
    is_sample boolean NOT NULL,
    CONSTRAINT pk_maintenance_works PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_maintenance_works_facilities_tenant_id_facility_code FOREIGN KEY (tenant_id, facility_code) REFERENCES facilities (tenant_id, code) ON DELETE RESTRICT,
    CONSTRAINT fk_maintenance_works_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE INDEX ix_inspections_tenant_id_facility_code_inspected_on ON inspections (tenant_id, facility_code, inspected_on);

CREATE INDEX ix_maintenance_works_tenant_id_facility_code_completed_on ON maintenance_works (tenant_id, facility_code, completed_on);

