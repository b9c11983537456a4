CREATE TABLE `disclosure_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`number` integer NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`agency` text NOT NULL,
	`doc_number` text DEFAULT '' NOT NULL,
	`document` text NOT NULL,
	`docx_base64` text,
	`author_id` integer,
	`created_at` integer NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	`review_comment` text,
	`delivery_method` text,
	`delivered_at` integer,
	`tracking_number` text,
	`delivery_recorded_by` integer,
	FOREIGN KEY (`inquiry_id`) REFERENCES `disclosure_requests`(`inquiry_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disclosure_answers_inquiry_number_uq` ON `disclosure_answers` (`inquiry_id`,`number`);