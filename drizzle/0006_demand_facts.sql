-- demand_facts: each demand's firsts (受理, 办结 with the date promised then, 销号, 发布, 领办, as China days) and its
-- latest step, derived from demand_steps (hand-written: drizzle-kit does not generate views or triggers). The rates
-- count these over covering indexes instead of walking every step (docs/architecture.md, "Derived tables").
-- The triggers below keep it in step with the timeline on every write path: a move, an import, an undo, a seed.
CREATE TABLE `demand_facts` (
	`demand_id` text PRIMARY KEY NOT NULL,
	`village_code` text NOT NULL,
	`accepted_on` text,
	`closed_on` text,
	`finished_on` text,
	`finished_due` text,
	`published_on` text,
	`claimed_on` text,
	`last_at` text NOT NULL,
	`last_move` text NOT NULL,
	`last_satisfaction` text,
	`last_due` text
);
--> statement-breakpoint
CREATE INDEX `demand_facts_accepted_idx` ON `demand_facts` (`village_code`, `accepted_on`, `closed_on`);
--> statement-breakpoint
CREATE INDEX `demand_facts_finished_idx` ON `demand_facts` (`village_code`, `finished_on`, `finished_due`);
--> statement-breakpoint
CREATE INDEX `demand_facts_wish_idx` ON `demand_facts` (`village_code`, `published_on`, `claimed_on`, `finished_on`);
--> statement-breakpoint
-- Open by their latest step (STILL_OPEN in rates.ts, word for word), by the date promised then; and by latest step.
CREATE INDEX `demand_facts_open_idx` ON `demand_facts` (`village_code`, `last_due`, `last_at`) WHERE (last_move IN ('register', 'accept', 'assign', 'publish', 'claim', 'extend', 'reopen')
  OR (last_move = 'followUp' AND last_satisfaction = '不满意'));
--> statement-breakpoint
CREATE INDEX `demand_facts_recent_idx` ON `demand_facts` (`village_code`, `last_at`);
--> statement-breakpoint
-- 回访 by day and answer, and 重办 (不满意) by demand: covering, so the rates never read the steps' rows.
CREATE INDEX `demand_steps_visit_idx` ON `demand_steps` (`village_code`, `satisfaction`, `at`, `demand_id`) WHERE `move` = 'followUp' AND `deleted_at` IS NULL;
--> statement-breakpoint
-- The 诉求 page's open demands by due date (its default list), read in order and stopped at the page's limit.
CREATE INDEX `demands_open_due_idx` ON `demands` (`village_code`, (`due_date` IS NULL), `due_date`, `number` DESC) WHERE `state` IN ('registered', 'accepted', 'published', 'in_progress') AND `deleted_at` IS NULL;
--> statement-breakpoint
-- Party members (党员领办), in the people list's order.
CREATE INDEX `people_party_idx` ON `people` (`village_code`, `sort_order`, `name`, `id`) WHERE `is_party_member` = 1 AND `deleted_at` IS NULL;
--> statement-breakpoint
-- 领办 this year and who claimed: covering, so counting claims reads no row.
CREATE INDEX `demand_steps_claim_idx` ON `demand_steps` (`village_code`, `at`, `demand_id`) WHERE `move` = 'claim' AND `deleted_at` IS NULL;
--> statement-breakpoint
CREATE INDEX `demands_claimer_idx` ON `demands` (`id`, `claimer_id`) WHERE `claimer_id` IS NOT NULL AND `deleted_at` IS NULL;
--> statement-breakpoint
-- Foreign keys into people, projects and demands: SQLite checks the children when a parent row is updated (an update
-- writes the whole row, its id included) and, without these, scans them (100,000 demands or actions a scan).
CREATE INDEX `demands_owner_idx` ON `demands` (`owner_id`) WHERE `owner_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `demands_claimer_fk_idx` ON `demands` (`claimer_id`) WHERE `claimer_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `demands_lead_idx` ON `demands` (`lead_id`) WHERE `lead_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `demands_project_idx` ON `demands` (`project_id`) WHERE `project_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `actions_demand_idx` ON `actions` (`demand_id`) WHERE `demand_id` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `attendance_person_idx` ON `attendance` (`person_id`);
--> statement-breakpoint
-- The facts of every demand with a live step; a WHERE on demand_id is pushed down to demand_steps_demand_idx.
CREATE VIEW `demand_facts_of` AS SELECT s.demand_id, s.village_code,
  min(CASE WHEN s.move = 'accept' THEN date(s.at, '+8 hours') END) AS accepted_on,
  min(CASE WHEN s.move = 'close' THEN date(s.at, '+8 hours') END) AS closed_on,
  min(CASE WHEN s.move = 'finish' THEN date(s.at, '+8 hours') END) AS finished_on,
  (SELECT coalesce(x.due_date, '9999-12-31') FROM demand_steps x
    WHERE x.demand_id = s.demand_id AND x.deleted_at IS NULL AND x.move = 'finish' ORDER BY x.at, x.id LIMIT 1)
    AS finished_due,
  min(CASE WHEN s.move = 'publish' THEN date(s.at, '+8 hours') END) AS published_on,
  min(CASE WHEN s.move = 'claim' THEN date(s.at, '+8 hours') END) AS claimed_on,
  max(s.at) AS last_at,
  (SELECT x.move FROM demand_steps x WHERE x.demand_id = s.demand_id AND x.deleted_at IS NULL
    ORDER BY x.at DESC, x.id DESC LIMIT 1) AS last_move,
  (SELECT x.satisfaction FROM demand_steps x WHERE x.demand_id = s.demand_id AND x.deleted_at IS NULL
    ORDER BY x.at DESC, x.id DESC LIMIT 1) AS last_satisfaction,
  (SELECT x.due_date FROM demand_steps x WHERE x.demand_id = s.demand_id AND x.deleted_at IS NULL
    ORDER BY x.at DESC, x.id DESC LIMIT 1) AS last_due
FROM demand_steps s JOIN demands d ON d.id = s.demand_id AND d.deleted_at IS NULL
WHERE s.deleted_at IS NULL GROUP BY s.demand_id;
--> statement-breakpoint
CREATE TRIGGER `demand_steps_facts_ai` AFTER INSERT ON `demand_steps` BEGIN
  DELETE FROM demand_facts WHERE demand_id = new.demand_id;
  INSERT INTO demand_facts SELECT * FROM demand_facts_of WHERE demand_id = new.demand_id;
END;
--> statement-breakpoint
CREATE TRIGGER `demand_steps_facts_au` AFTER UPDATE ON `demand_steps` BEGIN
  DELETE FROM demand_facts WHERE demand_id IN (old.demand_id, new.demand_id);
  INSERT INTO demand_facts SELECT * FROM demand_facts_of WHERE demand_id IN (old.demand_id, new.demand_id);
END;
--> statement-breakpoint
CREATE TRIGGER `demand_steps_facts_ad` AFTER DELETE ON `demand_steps` BEGIN
  DELETE FROM demand_facts WHERE demand_id = old.demand_id;
  INSERT INTO demand_facts SELECT * FROM demand_facts_of WHERE demand_id = old.demand_id;
END;
--> statement-breakpoint
CREATE TRIGGER `demands_facts_au` AFTER UPDATE OF `deleted_at` ON `demands` BEGIN
  DELETE FROM demand_facts WHERE demand_id = new.id;
  INSERT INTO demand_facts SELECT * FROM demand_facts_of WHERE demand_id = new.id;
END;
--> statement-breakpoint
INSERT INTO demand_facts SELECT * FROM demand_facts_of;
