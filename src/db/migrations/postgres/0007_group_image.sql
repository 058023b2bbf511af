-- A workgroup's picture (sonet_group IMAGE), as in ../0007_group_image.sql.
ALTER TABLE sonet_groups ADD COLUMN image_file_id BIGINT REFERENCES files(id);
