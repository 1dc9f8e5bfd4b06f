-- What a content review's score was computed from.
--
-- The Aesthete scores content on a rubric (readability, length, brand voice, banned terms,
-- clarity, call to action) and checks it rule by rule against the brand guidelines. Keeping each
-- dimension's score and weight, the readability figures, every rule's result and the guidelines
-- used lets feedback and approval reuse a review and lets an audit reproduce the score.

alter table public.content_reviews
  add column breakdown jsonb not null default '{}'::jsonb
    check (jsonb_typeof(breakdown) = 'object');

comment on column public.content_reviews.breakdown is
  'How the score was reached: rubric dimensions (weight, score, points), readability, rule results and the guidelines applied.';
