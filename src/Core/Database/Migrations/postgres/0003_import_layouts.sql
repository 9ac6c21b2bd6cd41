-- 0003 import layouts (PostgreSQL): the column mapping a tenant last used per file layout.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE import_layouts (
    tenant_id character(6) NOT NULL,
    layout_key character varying(64) NOT NULL,
    mapping_json text NOT NULL,
    updated_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_import_layouts PRIMARY KEY (tenant_id, layout_key),
    CONSTRAINT fk_import_layouts_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);
