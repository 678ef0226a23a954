-- t/sql/fixtures.sql - the records the Apache::Test suite asserts against.
-- Each presentation exists to exercise one rule; the comment says which.
SET NAMES utf8mb4;
SET time_zone = '+00:00';
DELETE FROM presentation;
DELETE FROM workshop;

-- The index sorts workshops into on now / upcoming / past by today's date,
-- so those two are placed around whatever day the suite runs on.
INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream) VALUES
 (1, 'test-ws', 'Test workshop', CURRENT_DATE - INTERVAL 2 DAY, CURRENT_DATE + INTERVAL 2 DAY, 'room1.sdp'),
 (2, 'no-stream', 'Workshop without a live stream', '2026-11-23', '2026-11-27', NULL),
 (6, 'future-ws', 'Workshop next month', CURRENT_DATE + INTERVAL 30 DAY, CURRENT_DATE + INTERVAL 34 DAY, NULL);

INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_path, webcast_filename, live_stream,
  external_name, external_url) VALUES
 -- the plain archive case
 (1, 1, 'Archived keynote', 'Ann Archive', '2025-06-10 19:00:00', '2025-06-10 20:00:00',
  1, 'archive', 'kdmc/2025', 'lunch-keynote.mov', NULL, NULL, NULL),
 -- live, stream from the workshop
 (2, 1, 'Live talk', 'Lou Live', '2026-11-25 20:00:00', '2026-11-25 21:00:00',
  1, 'live', NULL, NULL, NULL, NULL, NULL),
 -- live, own stream overrides the workshop's
 (3, 1, 'Live talk in room 2', 'Ola Override', '2026-11-25 20:00:00', '2026-11-25 21:00:00',
  1, 'live', NULL, NULL, 'override.sdp', NULL, NULL),
 -- archive fields filled but not webcast at all
 (4, 1, 'Not webcast', 'Nora Nocast', '2025-06-10 16:00:00', '2025-06-10 17:00:00',
  0, 'archive', 'kdmc/2025', 'never.mov', NULL, NULL, NULL),
 -- archive without a filename
 (5, 1, 'Archive without file', 'Fay Fileless', '2025-06-11 19:00:00', '2025-06-11 20:00:00',
  1, 'archive', 'kdmc/2025', NULL, NULL, NULL, NULL),
 -- spaces and UTF-8 that must be percent-encoded
 (6, 1, 'Encoded archive', 'José Núñez', '2025-06-11 19:00:00', '2025-06-11 20:00:00',
  1, 'archive', 'a b/José', 'x y#1.mov', NULL, NULL, NULL),
 -- CR LF smuggling a second line into the movie
 (7, 1, 'Hostile filename', 'Mal Ory', '2025-06-12 19:00:00', '2025-06-12 20:00:00',
  1, 'archive', 'kdmc/2025', CONCAT('x.mov', CHAR(13), CHAR(10), 'rtsp://evil.example/'), NULL, NULL, NULL),
 -- states without a movie
 (8, 1, 'Upcoming talk', 'Una Upcoming', '2026-11-27 20:00:00', '2026-11-27 21:00:00',
  1, 'upcoming', 'kdmc/2026', 'later.mov', 'room1.sdp', NULL, NULL),
 (9, 1, 'Concluded talk', 'Con Cluded', '2026-11-24 20:00:00', '2026-11-24 21:00:00',
  1, 'concluded', 'kdmc/2026', 'soon.mov', 'room1.sdp', NULL, NULL),
 (10, 1, 'External talk', 'Ex Ternal', '2026-11-24 16:00:00', '2026-11-24 17:00:00',
  1, 'external', 'kdmc/2026', 'ext.mov', 'room1.sdp', 'C-SPAN', 'https://www.c-span.org/'),
 -- live, but neither it nor its workshop names a stream
 (11, 2, 'Live without stream', 'Nick Nostream', '2026-11-25 20:00:00', '2026-11-25 21:00:00',
  1, 'live', NULL, NULL, NULL, NULL, NULL),
 -- a control byte in the path
 (12, 1, 'Control byte', 'Cy Control', '2025-06-12 19:00:00', '2025-06-12 20:00:00',
  1, 'archive', CONCAT('kdmc', CHAR(1), '2025'), 'x.mov', NULL, NULL, NULL),
 -- path traversal
 (13, 1, 'Traversal', 'Tra Versal', '2025-06-12 19:00:00', '2025-06-12 20:00:00',
  1, 'archive', '../../etc', 'passwd', NULL, NULL, NULL),
 -- outer slashes in the path are trimmed
 (14, 1, 'Slashy path', 'Sal Ash', '2025-06-13 19:00:00', '2025-06-13 20:00:00',
  1, 'archive', '/kdmc/2025/', 'slashy.mov', NULL, NULL, NULL);

-- Pages: the "now" block when nothing is live, and time zones.
INSERT INTO workshop (id, slug, title, summary, location, starts_on, ends_on, live_stream) VALUES
 (3, 'next-ws', 'Workshop with an upcoming webcast', 'First paragraph.\n\nSecond paragraph.', 'Berkeley, Calif.', '2026-07-13', '2026-07-17', 'room3.sdp'),
 (4, 'recent-ws', 'Workshop whose webcast just ended', NULL, NULL, '2026-01-12', '2026-01-16', NULL),
 (5, 'hostile', '<script>alert("w")</script> & co', '</p><img src=x onerror=alert(1)>', '"''><b>loc</b>', '2025-03-02', '2025-03-06', NULL);

INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio,
  summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path,
  webcast_filename, live_stream, external_name, external_url) VALUES
 -- July (PDT) and January (PST) noon talks in Los Angeles
 (20, 3, 'July noon talk', 'Jul Summer', 'KDMC', 'Bio line one.', 'Summer summary.',
  '2026-07-15 19:00:00', '2026-07-15 20:00:00', 'https://example.org/slides/july.pptx',
  1, 'upcoming', NULL, NULL, NULL, NULL, NULL),
 (21, 3, 'July archive', 'Arch Ive', NULL, NULL, NULL,
  '2026-07-13 19:00:00', '2026-07-13 20:00:00', 'https://example.org/slides/a.key',
  1, 'archive', 'kdmc/2026', 'july.mov', NULL, NULL, NULL),
 (22, 4, 'January noon talk', 'Jan Winter', NULL, NULL, NULL,
  '2026-01-14 20:00:00', '2026-01-14 21:00:00', NULL,
  1, 'concluded', NULL, NULL, NULL, NULL, NULL),
 (23, 4, 'January earlier talk', 'Ear Lier', NULL, NULL, NULL,
  '2026-01-13 20:00:00', '2026-01-13 21:00:00', NULL,
  1, 'concluded', NULL, NULL, NULL, NULL, NULL),
 -- hostile text in every text column
 (30, 5, '<script>alert("t")</script>', '<b>Speaker</b> "q" ''s', '<i>aff</i>', CONCAT('bio', CHAR(1), '<hr>'),
  '<iframe src=//evil></iframe>', '2025-03-03 20:00:00', '2025-03-03 21:00:00', 'javascript:alert(1)',
  1, 'external', '"><script>', '"><script>.mov', '"><x', '<em>Partner</em>', 'javascript:alert(2)'),
 (31, 5, 'Hostile archive "quotes"', 'Q', NULL, NULL, NULL,
  '2025-03-04 20:00:00', '2025-03-04 21:00:00', 'https://example.org/a"onmouseover="x.ppt',
  1, 'archive', 'p"a<t>h', 'f''i"le.mov', NULL, NULL, NULL),
 (32, 5, 'External with a good URL', 'E', NULL, NULL, NULL,
  '2025-03-05 20:00:00', '2025-03-05 21:00:00', NULL,
  1, 'external', NULL, NULL, NULL, 'C-SPAN & friends', 'https://www.c-span.org/?a=1&b=2');
