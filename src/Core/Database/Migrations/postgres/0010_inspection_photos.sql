-- 0010 inspection photos (PostgreSQL): the photos of an inspection, rewritten without EXIF position and camera data; deleted with it.
-- Written from `infraledger db model-script --provider postgres`; never edit once released: add a new numbered script.

CREATE TABLE inspection_photos (
    tenant_id character(6) NOT NULL,
    inspection_id bigint NOT NULL,
    number integer NOT NULL,
    content_type character varying(30) NOT NULL,
    content bytea NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    file_name character varying(200) NOT NULL,
    caption character varying(200),
    CONSTRAINT pk_inspection_photos PRIMARY KEY (tenant_id, inspection_id, number),
    CONSTRAINT fk_inspection_photos_inspections_tenant_id_inspection_id FOREIGN KEY (tenant_id, inspection_id) REFERENCES inspections (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_inspection_photos_local_governments_tenant_id FOREIGN KEY (tenant_id) REFERENCES local_governments (code) ON DELETE RESTRICT
);
