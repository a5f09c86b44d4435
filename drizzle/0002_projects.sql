CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`milestone_id` text,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`mime` text NOT NULL,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_project_idx` ON `attachments` (`project_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`date` text NOT NULL,
	`visitor` text NOT NULL,
	`feedback` text DEFAULT '' NOT NULL,
	`satisfaction` text NOT NULL,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_project_idx` ON `follow_ups` (`project_id`,`date`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`due_date` text,
	`weight` integer DEFAULT 1 NOT NULL,
	`done` integer DEFAULT false NOT NULL,
	`done_at` text,
	`done_by` text,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `milestones_project_idx` ON `milestones` (`project_id`,`position`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`source` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`owner_id` text,
	`lead` text DEFAULT '' NOT NULL,
	`lead_id` text,
	`budget` integer,
	`spent` integer,
	`fund_source` text DEFAULT '' NOT NULL,
	`start_date` text,
	`due_date` text,
	`status` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`progress_note` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_village_year_idx` ON `projects` (`village_code`,`year`,`category`);--> statement-breakpoint
CREATE TABLE `search_docs` (
	`rowid` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`village_code` text NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`initials` text NOT NULL,
	`bigrams` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_ref_uq` ON `search_docs` (`kind`,`ref_id`);--> statement-breakpoint
CREATE INDEX `search_docs_initials_idx` ON `search_docs` (`village_code`,`initials`);