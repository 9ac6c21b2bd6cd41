-- 0002 the register (PostgreSQL): facilities (施設台帳), fixed assets (固定資産台帳) and their versions (history, as-of reads).
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE facilities (
    tenant_id character(6) NOT NULL,
    code character varying(50) NOT NULL,
    name character varying(200) NOT NULL,
    kana character varying(200),
    usage_major character varying(100),
    usage_minor character varying(100),
    kind integer NOT NULL,
    address character varying(300),
    latitude double precision,
    longitude double precision,
    quantity numeric(18,3),
    quantity_kind integer,
    year_built integer,
    structure character varying(100),
    status integer NOT NULL,
    section character varying(100),
    note character varying(2000),
    is_sample boolean NOT NULL,
    version integer NOT NULL,
    valid_from date NOT NULL,
    CONSTRAINT pk_facilities PRIMARY KEY (tenant_id, code),
    CONSTRAINT fk_facilities_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE TABLE register_versions (
    tenant_id character(6) NOT NULL,
    entry_type integer NOT NULL,
    key character varying(50) NOT NULL,
    version integer NOT NULL,
    valid_from date NOT NULL,
    recorded_at_utc timestamp with time zone NOT NULL,
    reason character varying(300),
    deleted boolean NOT NULL,
    data text,
    CONSTRAINT pk_register_versions PRIMARY KEY (tenant_id, entry_type, key, version),
    CONSTRAINT fk_register_versions_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE TABLE fixed_assets (
    tenant_id character(6) NOT NULL,
    number character varying(50) NOT NULL,
    facility_code character varying(50),
    name character varying(200) NOT NULL,
    asset_class character varying(50),
    account character varying(50) NOT NULL,
    acquisition_date date,
    service_start_date date,
    acquisition_cost numeric(18,0) NOT NULL,
    useful_life integer,
    quantity numeric(18,3),
    quantity_unit character varying(20),
    location character varying(300),
    usage character varying(100),
    business_category character varying(100),
    section character varying(100),
    opening_estimated boolean NOT NULL,
    disposal_date date,
    note character varying(2000),
    is_sample boolean NOT NULL,
    version integer NOT NULL,
    valid_from date NOT NULL,
    CONSTRAINT pk_fixed_assets PRIMARY KEY (tenant_id, number),
    CONSTRAINT fk_fixed_assets_facilities_tenant_id_facility_code FOREIGN KEY (tenant_id, facility_code) REFERENCES facilities (tenant_id, code) ON DELETE RESTRICT,
    CONSTRAINT fk_fixed_assets_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE INDEX ix_facilities_tenant_id_kind ON facilities (tenant_id, kind);

CREATE INDEX ix_facilities_tenant_id_name ON facilities (tenant_id, name);

CREATE INDEX ix_facilities_tenant_id_usage_major ON facilities (tenant_id, usage_major);

CREATE INDEX ix_fixed_assets_tenant_id_account ON fixed_assets (tenant_id, account);

CREATE INDEX ix_fixed_assets_tenant_id_facility_code ON fixed_assets (tenant_id, facility_code);

CREATE INDEX ix_register_versions_tenant_id_valid_from ON register_versions (tenant_id, valid_from);
