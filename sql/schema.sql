-- mod_webcast database schema (MariaDB 10.11+ / MySQL 8.0+, InnoDB, utf8mb4)
--
-- * All times are stored in UTC (presentation.starts_at/ends_at are DATETIME
--   holding UTC). The module converts them to and from the site's configured
--   time zone (correct across DST changes) when it shows or accepts them;
--   never store local times here. Dates (workshop.starts_on/ends_on) are
--   calendar days in the site's zone.
-- * This file is idempotent: it only uses CREATE TABLE IF NOT EXISTS and
--   INSERT IGNORE and never removes anything, so it is safe to run twice
--   (or on a database that already holds data). It does not create or
--   select a database; the loader picks one, e.g.
--       mariadb webcast < sql/schema.sql
-- * Later changes ship as numbered migrations, sql/NNN-description.sql
--   (002-..., 003-...), each of which bumps schema_version. Apply them in
--   order after this file; do not edit the tables below in place.
-- * Table and column names are part of the public interface (their
--   meanings: docs/schema.md): add columns with defaults, never rename.

SET NAMES utf8mb4;

-- Which version of the schema this database is at. schema.sql is version 1;
-- each migration inserts its own number.
CREATE TABLE IF NOT EXISTS schema_version (
  version  INT UNSIGNED NOT NULL,
  PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO schema_version (version) VALUES (1);

-- A workshop (event): any number of days, any number of presentations.
-- slug is the URL key: lower-case ASCII letters, digits and hyphens only
-- (compared case-sensitively, and no trailing newline, which REGEXP's `$`
-- would otherwise let through).
CREATE TABLE IF NOT EXISTS workshop (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT,
  slug         VARCHAR(64)  NOT NULL,
  title        VARCHAR(255) NOT NULL,
  summary      TEXT         NULL,
  location     VARCHAR(255) NULL,
  starts_on    DATE         NOT NULL,
  ends_on      DATE         NOT NULL,
  live_stream  VARCHAR(255) NULL COMMENT 'room live stream name on the streaming server',
  updated_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_workshop_slug (slug),
  KEY idx_workshop_dates (starts_on, ends_on),
  CONSTRAINT chk_workshop_slug
    CHECK (slug COLLATE utf8mb4_bin REGEXP '^[a-z0-9-]{1,64}$'
           AND LOCATE(CHAR(10 USING utf8mb4), slug) = 0),
  CONSTRAINT chk_workshop_dates CHECK (ends_on >= starts_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A presentation (talk, session) within a workshop; may or may not be
-- webcast (has_webcast). starts_at/ends_at are UTC.
CREATE TABLE IF NOT EXISTS presentation (
  id                   INT UNSIGNED  NOT NULL AUTO_INCREMENT,
  workshop_id          INT UNSIGNED  NOT NULL,
  title                VARCHAR(255)  NOT NULL,
  speaker_name         VARCHAR(255)  NOT NULL DEFAULT '',
  speaker_affiliation  VARCHAR(255)  NULL,
  speaker_bio          TEXT          NULL,
  summary              TEXT          NULL,
  starts_at            DATETIME      NOT NULL COMMENT 'UTC',
  ends_at              DATETIME      NOT NULL COMMENT 'UTC',
  slides_url           VARCHAR(1024) NULL,
  has_webcast          TINYINT(1)    NOT NULL DEFAULT 0,
  webcast_state        ENUM('upcoming','live','concluded','archive','external')
                                     NOT NULL DEFAULT 'upcoming',
  webcast_path         VARCHAR(255)  NULL COMMENT 'archive directory on the streaming server',
  webcast_filename     VARCHAR(255)  NULL COMMENT 'archive file name on the streaming server',
  live_stream          VARCHAR(255)  NULL COMMENT 'overrides workshop.live_stream',
  external_name        VARCHAR(255)  NULL,
  external_url         VARCHAR(1024) NULL,
  updated_at           TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY idx_presentation_workshop (workshop_id, starts_at),
  KEY idx_presentation_state (webcast_state, starts_at),
  CONSTRAINT fk_presentation_workshop
    FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE,
  CONSTRAINT chk_presentation_times CHECK (ends_at >= starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
