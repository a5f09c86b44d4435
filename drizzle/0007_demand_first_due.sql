-- 按时办结 is judged against the date first promised, not the one a 延期 moved it to: finished_due becomes the due date
-- in force before any 延期 — that of the last step before the first 办结 that is neither a 延期 nor a 办结 (the 分流
-- or 领办 that set it, as demands.first_due_date keeps it). The view is redefined and every demand's facts rebuilt
-- from its timeline, so rows made before this migration (and bundles the county holds) are counted the same way.
DROP VIEW `demand_facts_of`;
--> statement-breakpoint
CREATE VIEW `demand_facts_of` AS SELECT s.demand_id, s.village_code,
  min(CASE WHEN s.move = 'accept' THEN date(s.at, '+8 hours') END) AS accepted_on,
  min(CASE WHEN s.move = 'close' THEN date(s.at, '+8 hours') END) AS closed_on,
  min(CASE WHEN s.move = 'finish' THEN date(s.at, '+8 hours') END) AS finished_on,
  (SELECT coalesce(
      (SELECT p.due_date FROM demand_steps p
        WHERE p.demand_id = f.demand_id AND p.deleted_at IS NULL AND p.move NOT IN ('extend', 'finish')
          AND (p.at < f.at OR (p.at = f.at AND p.id < f.id))
        ORDER BY p.at DESC, p.id DESC LIMIT 1),
      f.due_date, '9999-12-31')
    FROM demand_steps f
    WHERE f.demand_id = s.demand_id AND f.deleted_at IS NULL AND f.move = 'finish' ORDER BY f.at, f.id LIMIT 1)
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
DELETE FROM demand_facts;
--> statement-breakpoint
INSERT INTO demand_facts SELECT * FROM demand_facts_of;
