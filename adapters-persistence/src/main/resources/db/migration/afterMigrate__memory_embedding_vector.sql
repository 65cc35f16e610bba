-- Flyway runs this after every `migrate` (it is a callback, not a versioned migration): the same
-- idempotent block as V005, so that a database first migrated on a server without pgvector gains
-- memory.embedding and its HNSW index once pgvector is installed and `mosaic gateway migrate` runs.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'vector') then
        if not exists (select 1 from pg_extension where extname = 'vector') then
            execute 'create extension vector';
        end if;
        if not exists (select 1 from information_schema.columns
                       where table_schema = current_schema()
                         and table_name = 'memory' and column_name = 'embedding') then
            execute 'alter table memory add column embedding vector(256)';
        end if;
        if to_regclass('memory_embedding_hnsw_idx') is null then
            execute 'create index memory_embedding_hnsw_idx'
                    || ' on memory using hnsw (embedding vector_cosine_ops)';
        end if;
    end if;
end
$$;
