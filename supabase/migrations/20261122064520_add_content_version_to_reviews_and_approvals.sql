-- Which revision of a content item a review judged and an approval decided.
--
-- Rejected content comes back as a new version of the same item (content_items.version). With the
-- version on each review and approval row, the approval history shows which revision was
-- rejected and which one was finally approved, and a stale review cannot approve a newer text.

alter table public.content_reviews
  add column content_version integer check (content_version > 0);

alter table public.approval_workflows
  add column content_version integer check (content_version > 0);

comment on column public.content_reviews.content_version is 'The content item version the review judged.';
comment on column public.approval_workflows.content_version is 'The content item version the decision applies to.';
