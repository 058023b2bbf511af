-- A workgroup's picture (sonet_group IMAGE), an uploaded image in the file store.
ALTER TABLE sonet_groups ADD COLUMN image_file_id INTEGER REFERENCES files(id);
