-- 0014 maintenance (PostgreSQL): each tenant's treatment library and maintenance policies per asset kind (a copy of a preset, versioned).
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE maintenance_libraries (
    tenant_id character(6) NOT NULL,
    kind integer NOT NULL,
    preset_id character varying(50) NOT NULL,
    preset_version integer NOT NULL,
    document text NOT NULL,
    version integer NOT NULL,
    updated_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_maintenance_libraries PRIMARY KEY (tenant_id, kind),
    CONSTRAINT fk_maintenance_libraries_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);
