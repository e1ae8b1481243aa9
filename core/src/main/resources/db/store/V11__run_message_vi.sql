-- A run's message in Vietnamese beside the English one (run.message): the dashboard shows the one of its language.
ALTER TABLE run ADD COLUMN message_vi VARCHAR(4000);
