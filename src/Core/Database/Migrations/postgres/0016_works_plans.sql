-- 0016 works plans (PostgreSQL): plan runs of the works programme (個別施設計画), their inputs and results as JSON, 案 → 決定.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE works_plans (
    tenant_id character(6) NOT NULL,
    id integer NOT NULL,
    title character varying(200) NOT NULL,
    status integer NOT NULL,
    based_on integer,
    inputs bytea NOT NULL,
    result bytea NOT NULL,
    created_at_utc timestamp with time zone NOT NULL,
    decided_at_utc timestamp with time zone,
    CONSTRAINT pk_works_plans PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_works_plans_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);

CREATE INDEX ix_works_plans_tenant_id_status ON works_plans (tenant_id, status);
