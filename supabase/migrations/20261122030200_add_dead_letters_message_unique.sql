-- One dead letter per failed message.
--
-- QStash may deliver a failure callback more than once; the runtime files it with
-- `on conflict do nothing` on the message id, so each failed message is filed (and alerted) once.

create unique index dead_letters_source_message_id_key
  on public.dead_letters (source, message_id)
  where message_id is not null;

comment on index public.dead_letters_source_message_id_key is
  'A failed message (by its queue''s message id) is filed as a dead letter once.';
