CREATE TABLE `annual_report_snapshots` (
	`year` integer PRIMARY KEY NOT NULL,
	`report` text NOT NULL,
	`numbers` text NOT NULL,
	`closed_by` integer,
	`closed_at` integer NOT NULL,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
