CREATE TABLE `disclosure_outcome_labels` (
	`code` text PRIMARY KEY NOT NULL,
	`label_zh` text NOT NULL,
	`label_en` text NOT NULL,
	`source` text NOT NULL,
	`verified` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `disclosure_requests` (
	`inquiry_id` integer PRIMARY KEY NOT NULL,
	`applicant_type` text NOT NULL,
	`receipt_method` text NOT NULL,
	`received_on` text NOT NULL,
	`outcome` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `disclosure_requests_received_idx` ON `disclosure_requests` (`received_on`);--> statement-breakpoint
CREATE INDEX `disclosure_requests_decided_idx` ON `disclosure_requests` (`decided_at`);--> statement-breakpoint
CREATE TABLE `disclosure_review_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`kind` text NOT NULL,
	`filed_at` integer NOT NULL,
	`result` text DEFAULT 'pending' NOT NULL,
	`concluded_at` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`inquiry_id`) REFERENCES `disclosure_requests`(`inquiry_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disclosure_review_cases_inquiry_idx` ON `disclosure_review_cases` (`inquiry_id`);--> statement-breakpoint
CREATE INDEX `disclosure_review_cases_filed_idx` ON `disclosure_review_cases` (`filed_at`);