-- 006-captions.sql - captions for the video (WebVTT).
--
-- * `presentation.captions`: the WebVTT file staff uploaded in the admin
--   (checked there: a file with an error is never stored), served at
--   presentations/<id>/captions.vtt, attached to the page's video as
--   its captions track and shown on the archive page as a transcript.
--   NULL: no captions. MEDIUMTEXT: a long talk's captions outgrow TEXT's
--   64 KB; the admin takes files up to 1 MB.
--
-- Idempotent like the others: safe to run again. MariaDB 10.11+ and
-- MySQL 8.0+ (no ADD COLUMN IF NOT EXISTS, which MySQL lacks).
-- Load after 005-feeds.sql:   mariadb webcast < sql/006-captions.sql

SET NAMES utf8mb4;

SET @ddl = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE presentation ADD COLUMN captions MEDIUMTEXT NULL COMMENT ''WebVTT captions file; NULL none''',
    'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'presentation'
    AND column_name = 'captions');
PREPARE stmt FROM @ddl;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

INSERT IGNORE INTO schema_version (version) VALUES (6);
