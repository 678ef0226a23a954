-- mod_webcast sample data: the (invented) Kearny Digital Media Center, a
-- newsroom training centre in San Francisco that runs week-long workshops
-- for journalists; lunch and dinner talks are webcast.
--
-- Load into a database that already has sql/schema.sql:
--     mariadb webcast < sql/sample-data.sql
-- Reloading is fine: the file empties both tables first (this DELETES ALL
-- WORKSHOPS AND PRESENTATIONS -- do not run it against a production site).
--
-- Times are UTC. The site's zone is America/Los_Angeles, so e.g. a 12:00
-- lunch talk is 19:00 UTC in June 2025 (PDT, UTC-7), 20:00 UTC in November
-- 2026 (PST, UTC-8) and 19:00 UTC in March 2027 (PDT again from 2027-03-14);
-- 19:00-20:30 dinner talks fall on the next UTC day.
--
-- Ids are explicit so documentation can cite stable URLs:
--   workshop 1 multimedia-2025  fully archived     presentations 1-8
--     (presentation 7 = keynote, archive kdmc/2025/lunch-keynote.mov)
--   workshop 2 reporting-2026   in progress        presentations 9-39
--     (snapshot: Wednesday 2026-11-25 at 12:30 PST -- Monday and Tuesday
--     archived, Wednesday's keynote concluded, Wednesday lunch live, the rest
--     upcoming; two sessions carried by other broadcasters; morning sessions,
--     breakouts and labs are not webcast)
--   workshop 3 data-2027        announced          presentations 40-44

SET NAMES utf8mb4;
SET time_zone = '+00:00';

DELETE FROM presentation;
DELETE FROM workshop;

INSERT INTO workshop (id, slug, title, summary, location, starts_on, ends_on, live_stream) VALUES
(1, 'multimedia-2025', 'Multimedia Storytelling Workshop 2025',
 'Five days of video, audio and photography training for print and broadcast journalists.',
 'Kearny Digital Media Center, San Francisco', '2025-06-09', '2025-06-13', NULL),
(2, 'reporting-2026', 'Accountability Reporting Workshop 2026',
 'A week of hands-on training in public records, data, interviewing and verification for mid-career reporters and editors.',
 'Kearny Digital Media Center, San Francisco', '2026-11-23', '2026-11-27', 'kdmc-room1.sdp'),
(3, 'data-2027', 'Data Journalism Workshop 2027',
 'Spreadsheets, databases, maps and algorithms: a week of data skills for working journalists.',
 'Kearny Digital Media Center, San Francisco', '2027-03-15', '2027-03-19', 'kdmc-room1.sdp');

-- workshop 1, 2025-06-09 (Monday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(1, 1, 'Shooting Video on Deadline', 'Maria Alvarez', 'San Joaquin Valley Times',
 'Maria Alvarez is a senior video journalist who has covered the Central Valley for twelve years.',
 'How a one-person crew plans, shoots and cuts a news package in under three hours.',
 '2025-06-09 19:00:00', '2025-06-09 20:00:00', 'https://example.org/slides/2025/alvarez-lunch.ppt', 1, 'archive', 'kdmc/2025', 'alvarez-lunch.mov', NULL, NULL, NULL),
(2, 1, 'The Newsroom After the Web', 'Robert Chen', 'Columbia Graduate School of Journalism',
 'Robert Chen teaches digital media and was managing editor of a metropolitan daily for a decade.',
 'A dinner conversation about what changes, and what should not, when a newsroom publishes first online.',
 '2025-06-10 02:00:00', '2025-06-10 03:30:00', NULL, 1, 'archive', 'kdmc/2025', 'chen-dinner.mov', NULL, NULL, NULL);

-- workshop 1, 2025-06-10 (Tuesday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(3, 1, 'Audio Slideshows That Work', 'José Núñez', 'El Mensajero del Valle',
 'José Núñez is a photojournalist and multimedia producer working in English and Spanish.',
 'Pairing still photography with natural sound and interviews; common mistakes and how to avoid them.',
 '2025-06-10 19:00:00', '2025-06-10 20:00:00', 'https://example.org/slides/2025/nunez-lunch.key', 1, 'archive', 'kdmc/2025', 'nunez-lunch.mov', NULL, NULL, NULL),
(4, 1, 'Covering Your Community in Two Languages', 'Marie-Hélène Côté', 'Radio-Canada',
 'Marie-Hélène Côté produces bilingual documentaries and trains reporters in French and English.',
 'Practical lessons from running a newsroom that publishes every story twice.',
 '2025-06-11 02:00:00', '2025-06-11 03:30:00', NULL, 1, 'archive', 'kdmc/2025', 'cote-dinner.mov', NULL, NULL, NULL);

-- workshop 1, 2025-06-11 (Wednesday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(5, 1, 'Maps for Reporters', 'Daniel Okafor', 'Kearny Digital Media Center',
 'Daniel Okafor is the center''s data and graphics instructor.',
 'Turning addresses in a public record into an interactive map readers will actually use.',
 '2025-06-11 19:00:00', '2025-06-11 20:00:00', 'https://example.org/slides/2025/okafor-lunch.ppt', 1, 'archive', 'kdmc/2025', 'okafor-lunch.mov', NULL, NULL, NULL),
(6, 1, 'Ethics of the Unedited Clip', 'Linda Park', NULL,
 NULL,
 'When raw footage goes online before the story does: a discussion of verification and context.',
 '2025-06-12 02:00:00', '2025-06-12 03:30:00', NULL, 1, 'archive', 'kdmc/2025', 'park-dinner.mov', NULL, NULL, NULL);

-- workshop 1, 2025-06-12 (Thursday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(7, 1, 'Keynote: Telling Stories with Sound and Pictures', 'Ellen Whitaker', 'National Public Radio',
 'Ellen Whitaker is an award-winning radio correspondent who now leads a multimedia desk.',
 'The workshop keynote: why the best online storytelling still starts with good reporting.',
 '2025-06-12 19:00:00', '2025-06-12 20:00:00', 'https://example.org/slides/2025/whitaker-keynote.ppt', 1, 'archive', 'kdmc/2025', 'lunch-keynote.mov', NULL, NULL, NULL);

-- workshop 1, 2025-06-13 (Friday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(8, 1, 'Closing Lunch: Building a Multimedia Desk', 'Thomas Brandt', 'Sacramento Courier',
 'Thomas Brandt is deputy managing editor for digital at the Sacramento Courier.',
 'Staffing, budgets and workflow for a small newsroom starting a video and audio desk.',
 '2025-06-13 19:00:00', '2025-06-13 20:00:00', 'https://example.org/slides/2025/brandt-closing.key', 1, 'archive', 'kdmc/2025', 'brandt-closing.mov', NULL, NULL, NULL);

-- workshop 2, 2026-11-23 (Monday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(9, 2, 'Welcome and Introductions', 'Susan Reyes', 'Kearny Digital Media Center',
 'Susan Reyes is director of the Kearny Digital Media Center.',
 'An overview of the week, the fellows and the center''s facilities.',
 '2026-11-23 16:30:00', '2026-11-23 17:00:00', NULL, 1, 'archive', 'kdmc/2026', 'reyes-welcome.mov', NULL, NULL, NULL),
(10, 2, 'Public Records: Where to Start', 'Karen Holloway', 'Investigative Reporters Network',
 'Karen Holloway trains reporters in records requests in all fifty states.',
 'Federal and state open-records laws, and how to write a request that gets answered.',
 '2026-11-23 17:00:00', '2026-11-23 18:30:00', 'https://example.org/slides/2026/holloway-records.ppt', 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(11, 2, 'Hands-on: Filing Your First Request', 'Karen Holloway', 'Investigative Reporters Network',
 NULL,
 'Fellows draft and file a real records request with help from the instructors.',
 '2026-11-23 18:45:00', '2026-11-23 20:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(12, 2, 'Following the Money in City Hall', 'Daniel Okafor', 'Kearny Digital Media Center',
 'Daniel Okafor is the center''s data and graphics instructor.',
 'Campaign finance, contracts and budgets: three datasets every local reporter should know.',
 '2026-11-23 20:00:00', '2026-11-23 21:00:00', 'https://example.org/slides/2026/okafor-lunch.ppt', 1, 'archive', 'kdmc/2026', 'okafor-lunch.mov', NULL, NULL, NULL),
(13, 2, 'Spreadsheets for Journalists', 'Priya Raman', 'San Francisco Ledger',
 NULL,
 'Sorting, filtering and pivot tables applied to a city payroll file.',
 '2026-11-23 21:30:00', '2026-11-23 23:00:00', 'https://example.org/slides/2026/raman-spreadsheets.key', 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(14, 2, 'Lab: Cleaning Messy Data', 'Priya Raman', 'San Francisco Ledger', NULL, NULL,
 '2026-11-23 23:15:00', '2026-11-24 01:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(15, 2, 'Accountability Reporting in a Small Town', 'José Núñez', 'El Mensajero del Valle',
 'José Núñez is editor of a bilingual weekly in the San Joaquin Valley.',
 'How a three-person newsroom uncovered a water district scandal, and what it cost them.',
 '2026-11-24 03:00:00', '2026-11-24 04:30:00', NULL, 1, 'archive', 'kdmc/2026', 'nunez-dinner.mov', NULL, NULL, NULL);

-- workshop 2, 2026-11-24 (Tuesday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(16, 2, 'Interviewing Reluctant Sources', 'Gregory Ames', NULL,
 NULL,
 'Preparation, listening and knowing when to stop talking.',
 '2026-11-24 17:00:00', '2026-11-24 18:30:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(17, 2, 'Breakout: Role-Play Interviews', 'Gregory Ames', NULL,
 NULL,
 'Fellows practise tough interviews in small groups.',
 '2026-11-24 18:45:00', '2026-11-24 20:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(18, 2, 'Verification in the Age of Social Media', 'Marie-Hélène Côté', 'Radio-Canada',
 'Marie-Hélène Côté leads Radio-Canada''s verification unit.',
 'Tools and habits for confirming photos, video and eyewitness accounts before publishing.',
 '2026-11-24 20:00:00', '2026-11-24 21:00:00', 'https://example.org/slides/2026/cote-lunch.key', 1, 'archive', 'kdmc/2026', 'cote-lunch.mov', NULL, NULL, NULL),
(19, 2, 'Panel: Press Freedom and the Courts', 'Panel', NULL,
 NULL,
 'Media lawyers and editors discuss subpoenas, shield laws and prior restraint.',
 '2026-11-24 21:30:00', '2026-11-24 23:00:00', NULL, 1, 'external', NULL, NULL, NULL, 'C-SPAN', 'https://www.c-span.org/'),
(20, 2, 'Lab: Reading Court Dockets', 'Alan Whitfield', 'Bay Area Legal Reporting Project', NULL, NULL,
 '2026-11-24 23:15:00', '2026-11-25 01:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(21, 2, 'The Editor''s Chair', 'Ellen Whitaker', 'National Public Radio',
 'Ellen Whitaker is an award-winning radio correspondent who now leads a multimedia desk.',
 'A dinner conversation about deciding what to publish, and when.',
 '2026-11-25 03:00:00', '2026-11-25 04:30:00', NULL, 1, 'archive', 'kdmc/2026', 'whitaker-dinner.mov', NULL, NULL, NULL);

-- workshop 2, 2026-11-25 (Wednesday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(22, 2, 'Morning Keynote: Local News Is Not Dead', 'Robert Chen', 'Columbia Graduate School of Journalism',
 'Robert Chen teaches digital media and was managing editor of a metropolitan daily for a decade.',
 'New business models for local reporting, with examples from nonprofit and for-profit newsrooms.',
 '2026-11-25 17:00:00', '2026-11-25 18:30:00', 'https://example.org/slides/2026/chen-keynote.ppt', 1, 'concluded', NULL, NULL, NULL, NULL, NULL),
(23, 2, 'Hands-on: Building a Story Budget', 'Susan Reyes', 'Kearny Digital Media Center', NULL, NULL,
 '2026-11-25 18:45:00', '2026-11-25 20:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(24, 2, 'Data Journalism on a Budget', 'Søren Kjærgaard', 'Danish School of Media and Journalism',
 'Søren Kjærgaard teaches computer-assisted reporting in Aarhus and has trained reporters in twenty countries.',
 'Free tools and public datasets that let any newsroom start doing data stories this week.',
 '2026-11-25 20:00:00', '2026-11-25 21:00:00', 'https://example.org/slides/2026/kjaergaard-lunch.key', 1, 'live', NULL, NULL, NULL, NULL, NULL),
(25, 2, 'Writing the Data Story', 'Priya Raman', 'San Francisco Ledger',
 NULL,
 'Turning numbers into sentences readers understand.',
 '2026-11-25 21:30:00', '2026-11-25 23:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(26, 2, 'Lab: Charts That Tell the Truth', 'Daniel Okafor', 'Kearny Digital Media Center', NULL, NULL,
 '2026-11-25 23:15:00', '2026-11-26 01:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(27, 2, 'Reporting on Immigration', 'Beatriz Gonçalves', 'Folha do Oeste',
 'Beatriz Gonçalves covers immigration and the border for a Portuguese-language daily.',
 'Sourcing, language and safety when the people you cover fear being named. Held in the auditorium (room 2).',
 '2026-11-26 03:00:00', '2026-11-26 04:30:00', 'https://example.org/slides/2026/goncalves-dinner.ppt', 1, 'upcoming', NULL, NULL, 'kdmc-room2.sdp', NULL, NULL);

-- workshop 2, 2026-11-26 (Thursday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(28, 2, 'Investigating Nonprofits', 'Karen Holloway', 'Investigative Reporters Network',
 NULL,
 'Reading IRS Form 990 and what it can and cannot tell you.',
 '2026-11-26 17:00:00', '2026-11-26 18:30:00', 'https://example.org/slides/2026/holloway-990.ppt', 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(29, 2, 'Breakout: Story Pitches', 'Susan Reyes', 'Kearny Digital Media Center', NULL, NULL,
 '2026-11-26 18:45:00', '2026-11-26 20:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(30, 2, 'Covering Elections Without Horse Races', 'Linda Park', NULL,
 NULL,
 'Alternatives to poll-driven coverage that help readers decide.',
 '2026-11-26 20:00:00', '2026-11-26 21:00:00', NULL, 1, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(31, 2, 'Photo Editing for the Web', 'Nguyễn Thị Lan', 'Saigon Daily Online',
 'Nguyễn Thị Lan is photo editor of a Vietnamese-language news site.',
 'Cropping, sequencing and captioning photos for small screens.',
 '2026-11-26 21:30:00', '2026-11-26 23:00:00', 'https://example.org/slides/2026/nguyen-photo.key', 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(32, 2, 'Lab: Your Story, Edited', 'Gregory Ames', NULL, NULL, NULL,
 '2026-11-26 23:15:00', '2026-11-27 01:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(33, 2, 'Town Hall: The Future of Public Media', 'Panel', NULL,
 NULL,
 'Station managers and reporters take questions from fellows and the public.',
 '2026-11-27 03:00:00', '2026-11-27 04:30:00', NULL, 1, 'external', NULL, NULL, NULL, 'Bay Area Public Radio', 'https://example.org/bapr/town-hall');

-- workshop 2, 2026-11-27 (Friday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(34, 2, 'Presentations by Fellows', 'Fellows', NULL,
 NULL,
 'Each fellow presents the story they reported during the week.',
 '2026-11-27 17:00:00', '2026-11-27 18:30:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(35, 2, 'Presentations by Fellows (continued)', 'Fellows', NULL, NULL, NULL,
 '2026-11-27 18:45:00', '2026-11-27 20:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(36, 2, 'Closing Lunch: What Readers Want', 'Thomas Brandt', 'Sacramento Courier',
 'Thomas Brandt is deputy managing editor for digital at the Sacramento Courier.',
 'Audience research from three regional newspapers, and what editors did about it.',
 '2026-11-27 20:00:00', '2026-11-27 21:00:00', 'https://example.org/slides/2026/brandt-closing.key', 1, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(37, 2, 'Evaluations and Certificates', 'Susan Reyes', 'Kearny Digital Media Center', NULL, NULL,
 '2026-11-27 21:30:00', '2026-11-27 23:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(38, 2, 'Closing Remarks', 'Susan Reyes', 'Kearny Digital Media Center',
 'Susan Reyes is director of the Kearny Digital Media Center.',
 'A look back at the week and what comes next for the fellows.',
 '2026-11-27 23:30:00', '2026-11-28 00:30:00', NULL, 1, 'upcoming', NULL, NULL, NULL, NULL, NULL),
(39, 2, 'Farewell Reception', '', NULL, NULL, NULL,
 '2026-11-28 01:00:00', '2026-11-28 02:00:00', NULL, 0, 'upcoming', NULL, NULL, NULL, NULL, NULL);

-- workshop 3, 2027-03-15 (Monday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(40, 3, 'Why Every Reporter Needs Data Skills', 'Daniel Okafor', 'Kearny Digital Media Center',
 'Daniel Okafor is the center''s data and graphics instructor.',
 'The opening lunch talk: stories that were only possible because a reporter opened a spreadsheet.',
 '2027-03-15 19:00:00', '2027-03-15 20:00:00', NULL, 1, 'upcoming', NULL, NULL, NULL, NULL, NULL);

-- workshop 3, 2027-03-16 (Tuesday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(41, 3, 'Algorithms on the Beat', 'Zoë Lindqvist', 'Stanford Computational Journalism Lab',
 'Zoë Lindqvist studies how newsrooms audit automated decision systems.',
 'Reporting on the software that decides who gets a loan, a job or parole.',
 '2027-03-17 02:00:00', '2027-03-17 03:30:00', NULL, 1, 'upcoming', NULL, NULL, NULL, NULL, NULL);

-- workshop 3, 2027-03-17 (Wednesday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(42, 3, 'Open Data in Japanese Cities', 'Aiko Yoshida (𠮷田愛子)', 'Kansai Shimbun',
 'Aiko Yoshida leads the data desk at a regional Japanese daily.',
 'What American reporters can learn from municipal open-data portals in Osaka and Kyoto.',
 '2027-03-17 19:00:00', '2027-03-17 20:00:00', NULL, 1, 'upcoming', NULL, NULL, NULL, NULL, NULL);

-- workshop 3, 2027-03-18 (Thursday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(43, 3, 'Privacy and Public Records', 'Alan Whitfield', 'Bay Area Legal Reporting Project',
 NULL,
 'Where the public''s right to know meets personal privacy in government datasets.',
 '2027-03-18 19:00:00', '2027-03-18 20:00:00', NULL, 1, 'upcoming', NULL, NULL, NULL, NULL, NULL);

-- workshop 3, 2027-03-19 (Friday)
INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_path, webcast_filename, live_stream, external_name, external_url) VALUES
(44, 3, 'Closing Lunch: Sustaining a Data Desk', 'Priya Raman', 'San Francisco Ledger',
 NULL,
 'Keeping data journalism going after the training ends.',
 '2027-03-19 19:00:00', '2027-03-19 20:00:00', NULL, 1, 'upcoming', NULL, NULL, NULL, NULL, NULL);
