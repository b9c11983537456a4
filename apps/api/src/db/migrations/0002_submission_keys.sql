CREATE TABLE `submission_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`inquiry_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade
);
