-- 005-feeds.sql - what the feeds (calendar.ics, archive.rss,
-- schedule.json) need.
--
-- * `presentation.archive_bytes`: the size in bytes of the archive's
--   download file (WebcastArchiveDownload), for the podcast feed's
--   <enclosure length>. NULL: not known (the feed then says length="0").
--   Filled in by staff in the admin.
-- * Indexes for the feeds' queries: `workshop.ends_on` (the calendar of
--   every workshop ending today or later) and `presentation.ends_at` (the
--   newest archived webcasts, newest first, and the ones still to come).
--
-- Idempotent like the others: safe to run again. MariaDB 10.11+ and
-- MySQL 8.0+ (no ADD COLUMN IF NOT EXISTS, which MySQL lacks).
-- Load after 004-live.sql:   mariadb webcast < sql/005-feeds.sql

SET NAMES utf8mb4;

SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE presentation ADD COLUMN archive_bytes BIGINT UNSIGNED NULL COMMENT ''size of the archive download file in bytes; NULL unknown''',
    'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'presentation'
    AND column_name = 'archive_bytes');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE workshop ADD KEY idx_workshop_ends (ends_on)',
    'DO 0')
  FROM information_schema.statistics
  WHERE table_schema = DATABASE() AND table_name = 'workshop'
    AND index_name = 'idx_workshop_ends');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE presentation ADD KEY idx_presentation_ends (ends_at)',
    'DO 0')
  FROM information_schema.statistics
  WHERE table_schema = DATABASE() AND table_name = 'presentation'
    AND index_name = 'idx_presentation_ends');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

INSERT IGNORE INTO schema_version (version) VALUES (5);
