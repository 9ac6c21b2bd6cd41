-- 0015 consequences (PostgreSQL): each facility's consequence attributes (緊急輸送道路, 交通量 …) for the risk ranking; the weights are a tenant setting.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE facility_consequences (
    tenant_id character(6) NOT NULL,
    facility_code character varying(50) NOT NULL,
    attribute character varying(50) NOT NULL,
    value numeric(18,3) NOT NULL,
    CONSTRAINT pk_facility_consequences PRIMARY KEY (tenant_id, facility_code, attribute),
    CONSTRAINT fk_facility_consequences_facilities_tenant_id_facility_code FOREIGN KEY (tenant_id, facility_code) REFERENCES facilities (tenant_id, code) ON DELETE CASCADE,
    CONSTRAINT fk_facility_consequences_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);
