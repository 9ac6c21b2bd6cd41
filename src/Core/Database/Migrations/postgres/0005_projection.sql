-- 0005 projection (PostgreSQL): 幅員 and 口径 of facilities, tenants' projection scenarios and recent investment.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

ALTER TABLE facilities ADD COLUMN width numeric(9,2);

ALTER TABLE facilities ADD COLUMN diameter integer;

CREATE TABLE projection_scenarios (
    tenant_id character(6) NOT NULL,
    name character varying(100) NOT NULL,
    preset_id character varying(50) NOT NULL,
    preset_version integer NOT NULL,
    parameters text NOT NULL,
    version integer NOT NULL,
    updated_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_projection_scenarios PRIMARY KEY (tenant_id, name),
    CONSTRAINT fk_projection_scenarios_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE TABLE recent_investments (
    tenant_id character(6) NOT NULL,
    fiscal_year integer NOT NULL,
    renewal numeric(18,0) NOT NULL,
    new_build numeric(18,0) NOT NULL,
    land numeric(18,0) NOT NULL,
    source character varying(300) NOT NULL,
    is_sample boolean NOT NULL,
    CONSTRAINT pk_recent_investments PRIMARY KEY (tenant_id, fiscal_year),
    CONSTRAINT fk_recent_investments_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);
