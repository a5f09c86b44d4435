CREATE TABLE `demand_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`demand_id` text NOT NULL,
	`move` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`due_date` text,
	`satisfaction` text,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`demand_id`) REFERENCES `demands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demand_steps_demand_idx` ON `demand_steps` (`demand_id`,`at`);--> statement-breakpoint
CREATE INDEX `demand_steps_move_idx` ON `demand_steps` (`village_code`,`move`,`at`);--> statement-breakpoint
CREATE TABLE `demands` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`received_date` text NOT NULL,
	`channel` text NOT NULL,
	`resident_name` text DEFAULT '' NOT NULL,
	`resident_phone` text DEFAULT '' NOT NULL,
	`resident_id_number` text DEFAULT '' NOT NULL,
	`resident_address` text DEFAULT '' NOT NULL,
	`resident_group` text DEFAULT '' NOT NULL,
	`public_consent` integer DEFAULT false NOT NULL,
	`sensitive` integer DEFAULT false NOT NULL,
	`sensitive_kind` text,
	`content` text NOT NULL,
	`category` text NOT NULL,
	`state` text NOT NULL,
	`nature` text,
	`lane` text,
	`owner_id` text,
	`owner` text DEFAULT '' NOT NULL,
	`claimer_id` text,
	`lead_id` text,
	`due_date` text,
	`first_due_date` text,
	`review_date` text,
	`redo_count` integer DEFAULT 0 NOT NULL,
	`project_id` text,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `demands_number_uq` ON `demands` (`village_code`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `demands_code_uq` ON `demands` (`village_code`,`code`);--> statement-breakpoint
CREATE INDEX `demands_state_idx` ON `demands` (`village_code`,`state`,`due_date`);--> statement-breakpoint
ALTER TABLE `actions` ADD `demand_id` text REFERENCES demands(id);--> statement-breakpoint
ALTER TABLE `people` ADD `is_party_member` integer DEFAULT false NOT NULL;