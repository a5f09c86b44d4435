CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`agenda_item_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`meeting_date` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`owner_id` text,
	`due_date` text,
	`lane` text NOT NULL,
	`done` integer DEFAULT false NOT NULL,
	`done_at` text,
	`done_by` text,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_open_idx` ON `actions` (`village_code`,`done`,`meeting_date`);--> statement-breakpoint
CREATE INDEX `actions_item_idx` ON `actions` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `actions_meeting_idx` ON `actions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `actions_owner_idx` ON `actions` (`owner_id`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`presenter_id` text,
	`project_id` text,
	`notes` text DEFAULT '' NOT NULL,
	`decision` text DEFAULT '' NOT NULL,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`presenter_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_meeting_idx` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`person_id` text NOT NULL,
	`status` text NOT NULL,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_person_uq` ON `attendance` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_series` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`weekday` integer NOT NULL,
	`time` text NOT NULL,
	`place` text NOT NULL,
	`chair_id` text,
	`recorder_id` text,
	`member_ids` text DEFAULT '[]' NOT NULL,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorder_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`series_id` text,
	`kind` text NOT NULL,
	`seq` integer NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`time` text NOT NULL,
	`place` text NOT NULL,
	`chair_id` text,
	`recorder_id` text,
	`finalised_at` text,
	`finalised_by` text,
	`amended_at` text,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`series_id`) REFERENCES `meeting_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorder_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_village_date_idx` ON `meetings` (`village_code`,`date`);--> statement-breakpoint
CREATE INDEX `audit_entity_id_idx` ON `audit_log` (`entity_id`);