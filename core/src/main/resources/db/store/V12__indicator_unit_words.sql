-- What a count indicator counts, in Vietnamese, when it is not dossiers (the catalogue's unit.vi): R12.count counts
-- procedure-months, PAKN.conduct feedback. Null: dossiers.
ALTER TABLE pub_indicator ADD COLUMN unit_vi VARCHAR(100);
