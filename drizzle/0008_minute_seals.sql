CREATE TABLE `minute_seals` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`sealed_at` text NOT NULL,
	`actor` text NOT NULL,
	`hash` text NOT NULL,
	`chain` text NOT NULL,
	`village_code` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minute_seals_seq_uq` ON `minute_seals` (`village_code`,`seq`);--> statement-breakpoint
CREATE INDEX `minute_seals_meeting_idx` ON `minute_seals` (`meeting_id`,`seq`);