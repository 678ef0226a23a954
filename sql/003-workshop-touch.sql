-- 003-workshop-touch.sql - a workshop's updated_at moves when one of its
-- presentations is deleted or moved to another workshop.
--
-- The workshop page's Last-Modified is the newest updated_at of the
-- workshop and of the presentations it shows. A new or changed
-- presentation shows there by its own updated_at; one that left (deleted,
-- or moved elsewhere) leaves no row behind, so without these triggers the
-- page's date would not move and a client revalidating with
-- If-Modified-Since would keep the old schedule. They fire for any
-- client, the staff admin or plain SQL. (A workshop's own deletion
-- cascades to its presentations without firing them: its page is gone.)
--
-- Idempotent like the others: safe to run again. Needs the TRIGGER
-- privilege; with binary logging on, MySQL/MariaDB also want SUPER or
-- log_bin_trust_function_creators=1.
-- Load after 002-admin.sql:   mariadb webcast < sql/003-workshop-touch.sql

DROP TRIGGER IF EXISTS presentation_delete_touches_workshop;
CREATE TRIGGER presentation_delete_touches_workshop
AFTER DELETE ON presentation FOR EACH ROW
  UPDATE workshop SET updated_at = CURRENT_TIMESTAMP
  WHERE id = OLD.workshop_id;

DROP TRIGGER IF EXISTS presentation_move_touches_workshop;
CREATE TRIGGER presentation_move_touches_workshop
AFTER UPDATE ON presentation FOR EACH ROW
  UPDATE workshop SET updated_at = CURRENT_TIMESTAMP
  WHERE id = OLD.workshop_id AND OLD.workshop_id <> NEW.workshop_id;

INSERT IGNORE INTO schema_version (version) VALUES (3);
