-- Knowledge documents.
--
-- An ingested document is split into chunks, one agent_memories row each; the chunks of one
-- document share metadata->>'document_id'. Deleting, superseding and listing a document select
-- its chunks by that key within the workspace, so it gets an index. No column changes.

create index agent_memories_workspace_id_document_id_idx
  on public.agent_memories (workspace_id, (metadata->>'document_id'));

comment on index public.agent_memories_workspace_id_document_id_idx is
  'Chunks of one knowledge document (metadata.document_id) within a workspace: delete, supersede and list by document.';
