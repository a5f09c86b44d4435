CREATE TABLE `exchange_villages` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`township` text NOT NULL,
	`county` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_import_at` text,
	`last_exported_at` text
);
--> statement-breakpoint
CREATE TABLE `import_history` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`village_code` text NOT NULL,
	`village_name` text NOT NULL,
	`exported_at` text NOT NULL,
	`counts` text NOT NULL,
	`conflicts` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	`undone_at` text,
	`undone_by` text
);
--> statement-breakpoint
CREATE INDEX `import_history_village_idx` ON `import_history` (`village_code`,`at`);--> statement-breakpoint
CREATE TABLE `import_undo` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`old_row` text,
	FOREIGN KEY (`import_id`) REFERENCES `import_history`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_undo_import_idx` ON `import_undo` (`import_id`);