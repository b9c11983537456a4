CREATE TABLE `notification_reads` (
	`user_id` integer NOT NULL,
	`key` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
