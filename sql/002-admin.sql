-- 002-admin.sql - what the staff admin (webcast-admin handler) needs.
--
-- * `version` on workshop and presentation: the optimistic lock. Every
--   save through the admin is `UPDATE ... WHERE id = ? AND version = ?`
--   and adds one, so a second person's stale save is caught (updated_at
--   has one-second resolution and would miss two saves in one second).
-- * `webcast_audit`: every change made through the admin, one row per
--   field: who (the Apache-authenticated user), when (UTC), which record,
--   old and new value. Rows are never changed or deleted by the module;
--   a deleted record's values stay here.
--
-- Idempotent like schema.sql: safe to run again. Works on MariaDB 10.11+
-- and MySQL 8.0+ (hence no ADD COLUMN IF NOT EXISTS, which MySQL lacks).
-- Load after schema.sql:   mariadb webcast < sql/002-admin.sql
-- The module's database user needs SELECT, INSERT, UPDATE and DELETE for
-- the admin (the public site needs SELECT only).

SET NAMES utf8mb4;

SET @add_version = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE workshop ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1 COMMENT ''optimistic lock: +1 per admin save''',
    'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'workshop'
    AND column_name = 'version');
PREPARE stmt FROM @add_version;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

SET @add_version = (SELECT IF(COUNT(*) = 0,
    'ALTER TABLE presentation ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1 COMMENT ''optimistic lock: +1 per admin save''',
    'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'presentation'
    AND column_name = 'version');
PREPARE stmt FROM @add_version;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

-- No foreign key to the records: the trail outlives what it describes.
CREATE TABLE IF NOT EXISTS webcast_audit (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `at`        DATETIME        NOT NULL COMMENT 'UTC',
  `user`      VARCHAR(255)    NOT NULL COMMENT 'REMOTE_USER of the change',
  action      ENUM('create','update','delete') NOT NULL,
  table_name  VARCHAR(64)     NOT NULL COMMENT 'workshop or presentation',
  record_id   INT UNSIGNED    NOT NULL,
  version     INT UNSIGNED    NOT NULL COMMENT 'the record''s version after the change',
  field       VARCHAR(64)     NOT NULL COMMENT 'column name',
  old_value   TEXT            NULL,
  new_value   TEXT            NULL,
  PRIMARY KEY (id),
  KEY idx_audit_record (table_name, record_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO schema_version (version) VALUES (2);
