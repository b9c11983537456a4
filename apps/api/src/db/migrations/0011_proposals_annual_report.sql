CREATE TABLE `annual_report_texts` (
	`year` integer PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `proposal_consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`form` text NOT NULL,
	`participants` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposal_consultations_inquiry_idx` ON `proposal_consultations` (`inquiry_id`,`id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`inquiry_id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`session` text NOT NULL,
	`number` text NOT NULL,
	`role` text NOT NULL,
	`lead_unit` text,
	`is_key` integer DEFAULT false NOT NULL,
	`assigned_on` text NOT NULL,
	`opinion_sent_on` text,
	`opinion_text` text,
	`answer_category` text,
	`answer_text` text,
	`answer_drafted_by` integer,
	`answer_signed_off_by` integer,
	`answer_sent_at` integer,
	`rating` text,
	`rated_at` integer,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_drafted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answer_signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
