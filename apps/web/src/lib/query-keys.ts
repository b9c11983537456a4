/**
 * Root query keys shared across features. Features build their own keys under these roots, so
 * one feature can invalidate another's data without importing it (e.g. an inquiry action
 * invalidates every queue list and count, and the badges move at once).
 */
export const queueRootKeys = {
  /** Every queue list and every count. */
  all: () => ['queue'] as const,
  lists: () => ['queue', 'list'] as const,
  counts: () => ['queue', 'counts'] as const,
}

/** One inquiry's page data (`['inquiry', id, …]`, features/inquiry): a calendar change elsewhere
 * invalidates every inquiry page so its due date and deadline reload. */
export const inquiryRootKeys = {
  all: () => ['inquiry'] as const,
  detail: (id: number) => ['inquiry', id] as const,
}

/** Deadline lists across inquiries (the digest, pending extension requests): an inquiry's clock or
 * extension action invalidates them. */
export const deadlineRootKeys = {
  all: () => ['deadlines'] as const,
}

/** The files of inquiries (`['attachments', id]`, features/attachments): a reply with files adds some. */
export const attachmentRootKeys = {
  all: () => ['attachments'] as const,
}

export const channelRootKeys = {
  all: () => ['channels'] as const,
}

export const sessionRootKeys = {
  me: () => ['session', 'me'] as const,
}
