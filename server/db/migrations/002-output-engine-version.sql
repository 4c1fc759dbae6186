-- The version of the engine (Engine.version) that computed a cell's stored
-- output. An output of another version, or of none (rows kept before this
-- migration), is recomputed from the stored input before it is shown: an old
-- output is never fed to a newer engine's view.
ALTER TABLE cell_states ADD COLUMN output_version TEXT;
