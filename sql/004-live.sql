-- 004-live.sql - states that follow the clock, and notices from the
-- control room.
--
-- * `presentation.webcast_auto`: 1 = the state shown is derived from the
--   clock at request time (before starts_at upcoming, until ends_at live,
--   then archive or concluded); 0 = the stored webcast_state, as set by
--   staff, wins. Existing rows keep 0, so nothing they show changes; the
--   staff admin creates new presentations with 1.
-- * `workshop.notice`, `presentation.notice`: a short message from the
--   control room ("Technical difficulties; back in five minutes"), shown
--   on the pages it concerns, in embeds and in the status resources.
--
-- Idempotent like the others: safe to run again. MariaDB 10.11+ and
-- MySQL 8.0+ (no ADD COLUMN IF NOT EXISTS, which MySQL lacks).
-- Load after 003-workshop-touch.sql:   mariadb webcast < sql/004-live.sql

SET NAMES utf8mb4;

SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE presentation ADD COLUMN webcast_auto TINYINT(1) NOT NULL DEFAULT 0 COMMENT ''1: the state follows starts_at/ends_at''',
    'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'presentation'
    AND column_name = 'webcast_auto');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE presentation ADD COLUMN notice TEXT NULL COMMENT ''message from the control room''',
    'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'presentation'
    AND column_name = 'notice');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE workshop ADD COLUMN notice TEXT NULL COMMENT ''message from the control room''',
    'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'workshop'
    AND column_name = 'notice');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

INSERT IGNORE INTO schema_version (version) VALUES (4);
