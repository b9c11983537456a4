CREATE TABLE `proposal_co_units` (
	`inquiry_id` integer NOT NULL,
	`position` integer NOT NULL,
	`unit` text NOT NULL,
	PRIMARY KEY(`inquiry_id`, `position`),
	FOREIGN KEY (`inquiry_id`) REFERENCES `proposals`(`inquiry_id`) ON UPDATE no action ON DELETE cascade
);
