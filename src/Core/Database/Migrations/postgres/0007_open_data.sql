-- 0007 open data (PostgreSQL): a tenant's consent to publish a dataset, with the licence it chose.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE open_datasets (
    tenant_id character(6) NOT NULL,
    kind character varying(20) NOT NULL,
    licence character varying(50) NOT NULL,
    published_at_utc timestamp with time zone NOT NULL,
    updated_at_utc timestamp with time zone NOT NULL,
    CONSTRAINT pk_open_datasets PRIMARY KEY (tenant_id, kind),
    CONSTRAINT fk_open_datasets_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);
